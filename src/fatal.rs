//! Why assure could not run (exit 2): an error value every command step
//! returns, each message naming the file and line where known.

use crate::config::ConfigError;
use crate::controls::PolicyError;

/// Exit 2, with one line per problem.
#[derive(Debug)]
pub struct Fatal(pub Vec<String>);

/// One problem.
pub fn fatal(msg: impl Into<String>) -> Fatal {
    Fatal(vec![msg.into()])
}

impl From<Vec<PolicyError>> for Fatal {
    fn from(errors: Vec<PolicyError>) -> Self {
        Fatal(errors.iter().map(ToString::to_string).collect())
    }
}

impl From<ConfigError> for Fatal {
    fn from(e: ConfigError) -> Self {
        fatal(e.to_string())
    }
}

impl From<PolicyError> for Fatal {
    fn from(e: PolicyError) -> Self {
        fatal(e.to_string())
    }
}
