//! Errors and warnings about answer files, each naming a file and a line.

use crate::file_error::FileError;
use std::fmt;

/// A 1-based line and column in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `text` (clamped to the text).
    pub fn at(text: &str, offset: usize) -> Self {
        let offset = offset.min(text.len());
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |index| index + 1);
        let column = before[line_start..].chars().count() + 1;
        Self { line, column }
    }
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Display path of the file.
    pub file: String,
    /// Where in the file, when known.
    pub position: Option<Position>,
    /// What is wrong, for a human.
    pub message: String,
}

impl Problem {
    /// A problem at a known position.
    pub fn at(file: &str, position: Position, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            position: Some(position),
            message: message.into(),
        }
    }

    /// A problem with the whole file.
    pub fn in_file(file: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            position: None,
            message: message.into(),
        }
    }

    /// The problem for a TOML syntax or schema error in `text` (the contents of `file`), at the
    /// line and column the parser gives. The one conversion for answer files and the config.
    pub fn from_toml(file: &str, text: &str, error: &toml::de::Error) -> Self {
        let message = error.message().trim().to_owned();
        match error.span() {
            Some(span) => Self::at(file, Position::at(text, span.start), message),
            None => Self::in_file(file, message),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(Position { line, column }) => {
                write!(f, "{}:{line}:{column}: {}", self.file, self.message)
            }
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Why an answer set could not be loaded. Like [`FileError`], each message says everything and
/// there is no `source()`, so `{:#}` does not print a cause twice.
#[derive(Debug)]
pub enum LoadError {
    /// A file or directory could not be read.
    File(FileError),
    /// One or more files are invalid; every problem is listed.
    Invalid(Vec<Problem>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::File(error) => write!(f, "{error}"),
            Self::Invalid(problems) => write!(
                f,
                "{} problem(s) in the answer set:\n{}",
                problems.len(),
                ProblemList(problems)
            ),
        }
    }
}

/// `source()` is `None`: each variant's message already says everything.
impl std::error::Error for LoadError {}

impl From<FileError> for LoadError {
    fn from(error: FileError) -> Self {
        Self::File(error)
    }
}

struct ProblemList<'a>(&'a [Problem]);

impl fmt::Display for ProblemList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, problem) in self.0.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(f, "  {problem}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_lines_and_characters() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(Position::at(text, 0), Position { line: 1, column: 1 });
        let offset = text.find('2').unwrap();
        assert_eq!(Position::at(text, offset), Position { line: 2, column: 6 });
    }
}
