"""What every terminal output shares: the safe console and table helpers."""
