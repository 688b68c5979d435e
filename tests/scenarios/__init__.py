"""Whole contest-day rehearsals of the demo contest (issue 13).

harness.py   the bot on a rehearsal clock: real dispatcher, reminder jobs and sender, inboxes
checker.py   every outgoing message compared with the live state when it leaves
inbox.py     what each person received, classified by outbox key or catalog message
stage.py     the stage manager's /live board, "got it", check-in, questions
publication.py  judges at /score, theory sheet, /publish (preview, confirm or publish anyway)
             and the withdrawal (the preview's button and a typed reason)

Each test_*.py rehearses one part of the day once per database (a module fixture) and its tests
read what happened: each person's exact sequence of messages, and that none contradicted the
live state when it was sent.
"""
