//! The custom ids of the components members click, written and read in one place, so that
//! what a button says and what its click does cannot drift apart.
//!
//! | component                         | custom id                              |
//! | --------------------------------- | -------------------------------------- |
//! | "Did you mean" button             | `gfmd:s:<answer>:<record>`             |
//! | **Show answer** on "might help"   | `gfmd:o:<answer>:<asker>:<record>`     |
//! | **Not this** on "might help"      | `gfmd:n:<asker>:<record>`              |
//! | **Helpful**                       | `gfmd:h:<record>`                      |
//! | **Not helpful**                   | `gfmd:u:<record>`                      |
//! | what was wrong (after Not helpful) | `gfmd:w:<reason>:<record>`            |
//! | Related menu                      | `gfmd:related:<asker>`                 |
//! | **Delete**                        | `gfmd:delete:<asker>`                  |
//!
//! `<record>` is the [`RecordId`] of the question the reply answers (empty when nothing was
//! recorded), `<asker>` the asker's user id, `<answer>` an answer id (at most 64 characters),
//! `<reason>` a [`Reason`] name. In the `gfmd:<letter>:` ids numbers are written in base 36
//! (at most 13 characters for any 64-bit number), so that the longest, **Show answer** with a
//! 64-character answer id, is 99 characters: Discord allows 100. Related and Delete keep
//! their decimal ids, and buttons posted before recording existed (`gfmd:show:<answer>`,
//! `gfmd:offer:<answer>:<asker>`, `gfmd:notthis:<answer>:<asker>`) are still understood, with
//! no record. The moderators' ids are in `admin/` (`gfmd:p:`, `gfmd-admin:`).

use crate::records::{Reason, RecordId};

/// A click on one of the members' components, as its custom id says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Click {
    /// A "Did you mean" suggestion under a "not sure".
    DidYouMean {
        /// The answer suggested.
        answer: String,
        /// The question it was suggested for.
        record: Option<RecordId>,
    },
    /// **Show answer** on a "might help" line.
    ShowOffer {
        /// The answer offered.
        answer: String,
        /// Who asked.
        asker: u64,
        /// The question it was offered for.
        record: Option<RecordId>,
    },
    /// **Not this** on a "might help" line.
    NotThis {
        /// Who asked.
        asker: u64,
        /// The question.
        record: Option<RecordId>,
    },
    /// **Helpful** or **Not helpful** under an answer.
    Vote {
        /// The question answered.
        record: RecordId,
        /// Which of the two.
        helpful: bool,
    },
    /// What was wrong with an answer voted not helpful.
    Why {
        /// The question answered.
        record: RecordId,
        /// The reason picked.
        reason: Reason,
    },
    /// The related-answers menu.
    Related {
        /// Who asked.
        asker: u64,
    },
    /// **Delete** under an answer.
    Delete {
        /// Who asked.
        asker: u64,
    },
}

/// `n` in base 36, lowercase.
pub fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::with_capacity(13);
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A number written by [`base36`].
pub fn parse_base36(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 13 {
        return None;
    }
    u64::from_str_radix(text, 36).ok()
}

/// A record id for a custom id (empty for none).
pub fn record_part(record: Option<RecordId>) -> String {
    record
        .and_then(|id| u64::try_from(id.0).ok())
        .map(base36)
        .unwrap_or_default()
}

/// The record id of a custom id's part: `Some(None)` when the part is empty, `None` when it is
/// not a record id.
pub fn parse_record_part(text: &str) -> Option<Option<RecordId>> {
    if text.is_empty() {
        return Some(None);
    }
    let id = i64::try_from(parse_base36(text)?).ok()?;
    Some(Some(RecordId(id)))
}

impl Click {
    /// The custom id that stands for this click.
    pub fn custom_id(&self) -> String {
        match self {
            Click::DidYouMean { answer, record } => {
                format!("gfmd:s:{answer}:{}", record_part(*record))
            }
            Click::ShowOffer {
                answer,
                asker,
                record,
            } => format!(
                "gfmd:o:{answer}:{}:{}",
                base36(*asker),
                record_part(*record)
            ),
            Click::NotThis { asker, record } => {
                format!("gfmd:n:{}:{}", base36(*asker), record_part(*record))
            }
            Click::Vote { record, helpful } => format!(
                "gfmd:{}:{}",
                if *helpful { "h" } else { "u" },
                record_part(Some(*record))
            ),
            Click::Why { record, reason } => {
                format!("gfmd:w:{reason}:{}", record_part(Some(*record)))
            }
            Click::Related { asker } => format!("gfmd:related:{asker}"),
            Click::Delete { asker } => format!("gfmd:delete:{asker}"),
        }
    }

    /// The click a custom id stands for; `None` for ids this module did not write.
    pub fn parse(custom_id: &str) -> Option<Self> {
        let rest = custom_id.strip_prefix("gfmd:")?;
        let (verb, rest) = rest.split_once(':')?;
        let parts: Vec<&str> = rest.split(':').collect();
        let answer = |text: &str| (!text.is_empty()).then(|| text.to_owned());
        Some(match (verb, parts.as_slice()) {
            ("s", [id, record]) => Click::DidYouMean {
                answer: answer(id)?,
                record: parse_record_part(record)?,
            },
            ("o", [id, asker, record]) => Click::ShowOffer {
                answer: answer(id)?,
                asker: parse_base36(asker)?,
                record: parse_record_part(record)?,
            },
            ("n", [asker, record]) => Click::NotThis {
                asker: parse_base36(asker)?,
                record: parse_record_part(record)?,
            },
            ("h" | "u", [record]) => Click::Vote {
                record: parse_record_part(record)??,
                helpful: verb == "h",
            },
            ("w", [reason, record]) => Click::Why {
                record: parse_record_part(record)??,
                reason: Reason::parse(reason)?,
            },
            ("related", [asker]) => Click::Related {
                asker: asker.parse().ok()?,
            },
            ("delete", [asker]) => Click::Delete {
                asker: asker.parse().ok()?,
            },
            // Buttons posted before questions were recorded.
            ("show", [id]) => Click::DidYouMean {
                answer: answer(id)?,
                record: None,
            },
            ("offer", [id, asker]) => Click::ShowOffer {
                answer: answer(id)?,
                asker: asker.parse().ok()?,
                record: None,
            },
            ("notthis", [_, asker]) => Click::NotThis {
                asker: asker.parse().ok()?,
                record: None,
            },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::limits::CUSTOM_ID_LENGTH;

    const LONGEST_ID: &str = "a-very-long-answer-id-that-uses-all-sixty-four-characters-allowe";

    fn every_click(record: Option<RecordId>) -> Vec<Click> {
        let voted = record.unwrap_or(RecordId(i64::MAX));
        vec![
            Click::DidYouMean {
                answer: LONGEST_ID.into(),
                record,
            },
            Click::ShowOffer {
                answer: LONGEST_ID.into(),
                asker: u64::MAX,
                record,
            },
            Click::NotThis {
                asker: u64::MAX,
                record,
            },
            Click::Vote {
                record: voted,
                helpful: true,
            },
            Click::Vote {
                record: voted,
                helpful: false,
            },
            Click::Why {
                record: voted,
                reason: Reason::OutOfDate,
            },
            Click::Related { asker: u64::MAX },
            Click::Delete { asker: u64::MAX },
        ]
    }

    #[test]
    fn every_click_reads_back_as_itself_within_100_characters() {
        assert_eq!(LONGEST_ID.len(), 64);
        for record in [None, Some(RecordId(0)), Some(RecordId(i64::MAX))] {
            for click in every_click(record) {
                let id = click.custom_id();
                assert!(
                    id.len() <= CUSTOM_ID_LENGTH,
                    "{} characters: {id}",
                    id.len()
                );
                assert_eq!(Click::parse(&id), Some(click), "{id}");
            }
        }
    }

    #[test]
    fn the_ids_are_short_and_say_which_question_they_belong_to() {
        let record = Some(RecordId(1_993_000_000_000_000_000));
        let vote = Click::Vote {
            record: RecordId(1_993_000_000_000_000_000),
            helpful: true,
        };
        assert_eq!(vote.custom_id(), format!("gfmd:h:{}", record_part(record)));
        assert_eq!(base36(35), "z");
        assert_eq!(base36(0), "0");
        assert_eq!(parse_base36(&base36(u64::MAX)), Some(u64::MAX));
        assert_eq!(
            Click::DidYouMean {
                answer: "timeline".into(),
                record: None
            }
            .custom_id(),
            "gfmd:s:timeline:"
        );
    }

    #[test]
    fn buttons_from_before_recording_still_work_without_a_record() {
        assert_eq!(
            Click::parse("gfmd:show:first-meeting"),
            Some(Click::DidYouMean {
                answer: "first-meeting".into(),
                record: None
            })
        );
        assert_eq!(
            Click::parse("gfmd:offer:timeline:7"),
            Some(Click::ShowOffer {
                answer: "timeline".into(),
                asker: 7,
                record: None
            })
        );
        assert_eq!(
            Click::parse("gfmd:notthis:timeline:7"),
            Some(Click::NotThis {
                asker: 7,
                record: None
            })
        );
    }

    #[test]
    fn ids_it_did_not_write_are_refused() {
        for id in [
            "gfmd:h:",
            "gfmd:h:!",
            "gfmd:w:bad-reason:1",
            "gfmd:o::1:1",
            "gfmd:delete:x",
            "gfmd:related:",
            "gfmd:post:timeline:1",
            "other:h:1",
            "gfmd:h:1:2",
            "gfmd:h:zzzzzzzzzzzzzz",
        ] {
            assert_eq!(Click::parse(id), None, "{id}");
        }
    }
}
