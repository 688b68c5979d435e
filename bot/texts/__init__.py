"""What the bot says: answers rendered in the reader's language (HTML parse mode)."""
