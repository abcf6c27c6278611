//! The sentences the bot says when it does not give an answer outright, written once for every
//! front end (Discord and the terminal).

/// Said when the bot is not confident enough to answer.
pub const NOT_SURE: &str = "I'm not sure I can answer that from the GFMD source.";

/// Follows [`NOT_SURE`] when there are suggestions to pick from.
pub const DID_YOU_MEAN: &str = "Did you mean:";

/// Opens the one-line offer of a middling match: "This might help: **title**".
pub const MIGHT_HELP: &str = "This might help:";

/// "Not sure", followed by "Did you mean:" when `has_suggestions`.
pub fn not_sure(has_suggestions: bool) -> String {
    if has_suggestions {
        format!("{NOT_SURE} {DID_YOU_MEAN}")
    } else {
        NOT_SURE.to_owned()
    }
}

/// The one-line offer of a middling match, with the title in Discord bold.
pub fn might_help(title: &str) -> String {
    format!("{MIGHT_HELP} **{title}**")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_sure_asks_did_you_mean_only_with_suggestions() {
        assert_eq!(not_sure(false), NOT_SURE);
        assert!(not_sure(true).ends_with(DID_YOU_MEAN));
    }

    #[test]
    fn might_help_names_the_title_in_bold() {
        assert_eq!(might_help("Origins"), "This might help: **Origins**");
    }
}
