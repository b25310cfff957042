// The invariants audit: implementation in progress.
