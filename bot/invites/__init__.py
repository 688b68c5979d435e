"""Invite badges: a deep link and its QR code per person, as a workbook or printable pages."""
