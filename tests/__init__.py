"""The test suite of inmail-explained: one file per concept of RULES.md."""
