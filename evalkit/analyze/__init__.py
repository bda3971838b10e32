"""Stage placeholder: filled in by a later issue ([2/5] anonymize, [3/5] analyze, [4/5] disclose)."""
