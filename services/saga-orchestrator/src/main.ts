// saga-orchestrator: implementation in progress
