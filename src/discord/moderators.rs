//! Who counts as a moderator, stated once: a member with *Manage Server* or *Administrator*, or
//! with one of `[moderation] role_ids`. Checked on every use of a moderator's tool, whatever
//! Discord's command permissions say (server admins can open commands to anyone).

use crate::config::ModerationConfig;
use serenity::all::{Member, Permissions};

/// What the moderator rule needs to know of a member.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberFacts {
    /// The member's role ids.
    pub roles: Vec<u64>,
    /// The member's permissions in the channel, as Discord sends them with an interaction.
    pub permissions: Option<Permissions>,
}

impl MemberFacts {
    /// The facts of an interaction's member (`None` outside a server: no roles, no permissions).
    pub fn of(member: Option<&Member>) -> Self {
        member.map_or_else(Self::default, |member| Self {
            roles: member.roles.iter().map(|role| role.get()).collect(),
            permissions: member.permissions,
        })
    }
}

/// Whether `member` is a moderator under `config`.
pub fn is_moderator(member: &MemberFacts, config: &ModerationConfig) -> bool {
    member
        .permissions
        .is_some_and(|permissions| permissions.manage_guild() || permissions.administrator())
        || member
            .roles
            .iter()
            .any(|role| config.role_ids.iter().any(|id| id.0 == *role))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Snowflake;

    fn config() -> ModerationConfig {
        ModerationConfig {
            role_ids: vec![Snowflake(77)],
            ..ModerationConfig::default()
        }
    }

    fn member(roles: &[u64], permissions: Option<Permissions>) -> MemberFacts {
        MemberFacts {
            roles: roles.to_vec(),
            permissions,
        }
    }

    #[test]
    fn manage_server_administrator_or_a_moderator_role_make_a_moderator() {
        let config = config();
        assert!(is_moderator(
            &member(&[], Some(Permissions::MANAGE_GUILD)),
            &config
        ));
        assert!(is_moderator(
            &member(&[], Some(Permissions::ADMINISTRATOR)),
            &config
        ));
        assert!(is_moderator(&member(&[77], None), &config));
    }

    #[test]
    fn manage_messages_alone_or_another_role_does_not() {
        let config = config();
        assert!(!is_moderator(
            &member(&[], Some(Permissions::MANAGE_MESSAGES)),
            &config
        ));
        assert!(!is_moderator(
            &member(&[78], Some(Permissions::SEND_MESSAGES)),
            &config
        ));
        assert!(!is_moderator(&MemberFacts::default(), &config));
    }
}
