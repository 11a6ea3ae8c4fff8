//! The status machine engine (API.md §4): a machine is a table of states and transitions;
//! each system states its own machines (`connect::machines`, `tracker`), and
//! `crate::machines` names them for `checkTransition` and `allowedTransitions`.

use crate::report::checker::Checker;
use crate::report::codes::Code;
use crate::report::{Issue, Report};
use serde_json::Value;

/// A status machine: its states and, for each, the states it may move to.
pub struct Machine {
    /// The name `checkTransition` takes.
    pub name: &'static str,
    /// Every state, in the order the API lists them.
    pub states: &'static [&'static str],
    /// `(from, [to, ...])` for every state.
    pub transitions: &'static [(&'static str, &'static [&'static str])],
    /// The code of a transition the machine does not have.
    pub(crate) code: Code,
    /// Transitions the API refuses with a code and words of its own: `(from, to, code, message)`.
    pub(crate) refusals: &'static [(&'static str, &'static str, Code, &'static str)],
}

impl Machine {
    /// The states `from` may move to (none for a state the machine does not have).
    pub fn allowed(&self, from: &str) -> &'static [&'static str] {
        self.transitions
            .iter()
            .find(|(state, _)| *state == from)
            .map_or(&[], |(_, to)| to)
    }

    /// The states that may move to `to`, in the machine's order.
    pub(crate) fn states_before(&self, to: &str) -> Vec<&'static str> {
        self.transitions
            .iter()
            .filter(|(_, next)| next.contains(&to))
            .map(|(from, _)| *from)
            .collect()
    }

    /// The code and the API's words for a move the API refuses in words of its own.
    pub(crate) fn refusal(&self, from: &str, to: &str) -> Option<(Code, &'static str)> {
        self.refusals
            .iter()
            .find(|r| r.0 == from && r.1 == to)
            .map(|&(_, _, code, message)| (code, message))
    }

    /// Whether the machine may move from `from` to `to`: a state it does not have is an
    /// `InvalidField` issue; a transition it does not have is its `code`, or a refusal's
    /// code and the API's words.
    pub fn check(&self, from: &Value, to: &Value) -> Report {
        let mut c = Checker::default();
        c.one_of(from, "/from".into(), "from", self.states);
        c.one_of(to, "/to".into(), "to", self.states);
        let (Some(from), Some(to)) = (from.as_str(), to.as_str()) else {
            return c.finish();
        };
        if !self.states.contains(&from) || !self.states.contains(&to) {
            return c.finish();
        }
        let allowed = self.allowed(from);
        if !allowed.contains(&to) {
            let (code, message) = match self.refusal(from, to) {
                Some((code, message)) => (code, message.to_owned()),
                None => (
                    self.code,
                    format!(
                        "The status cannot change from {from} to {to}; from {from} it can change to {}.",
                        allowed.join(", ")
                    ),
                ),
            };
            c.error(
                Issue::new(code, "/to", message)
                    .param("from", from)
                    .param("to", to)
                    .param("allowedValues", allowed.to_vec()),
            );
        }
        c.finish()
    }
}
