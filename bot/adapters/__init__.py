"""Libraries behind the ports of bot/services, built by the composition root."""
