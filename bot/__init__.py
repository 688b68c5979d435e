"""Contest Assistant: a Telegram bot for professional skills contests."""
