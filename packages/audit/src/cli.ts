// npm run audit: implementation in progress.
