"""English keywords; entries are comma-separated phrases of space-separated words.

Words are matched after apostrophes are dropped ("what's" -> "whats") and typos corrected.
"""

from collections.abc import Iterator

from bot.domain.enums import RoundKind as K
from bot.domain.interpreter.query import PartOfDay as P
from bot.domain.interpreter.signals import Cue, Meaning, cue, day, kind, part, weekday

_ENTRIES: tuple[tuple[str, Meaning], ...] = (
    # "how long until" asks when something starts, not how long it lasts.
    (
        "when, whens, wen, what time, wat time, wut time, what hour, at what time, which day, "
        "what day, what date, which date, time, times, start time, starting time, how soon",
        cue(Cue.WHEN),
    ),
    (
        "how long until, how long till, how long til, how long before, how much longer, eta, "
        "how much time left, how much time until, how much time till, time left, minutes left, "
        "how many minutes until, how many minutes till, how many minutes left, how many more "
        "minutes, countdown, how long do we have, how long have we got, how long to wait, "
        "how long do we wait, how long must we wait, how soon until, how long left, mins until, "
        "mins till, mins left, mins to go, minutes until, minutes till, minutes to go",
        cue(Cue.WHEN, Cue.COUNTDOWN),
    ),
    (
        "before us, after us, behind us, right after, right before, just after, just before, "
        "goes after, go after, goes before, go before, follows us, following us, comes after, "
        "comes before, next after us, neighbours, neighbors, team before, team after, "
        "team ahead, team behind, the team before, the team after",
        cue(Cue.NEIGHBOURS),
    ),
    (
        "teammates, teammate, team mates, team mate, team members, members, member, roster, "
        "who is in, who are in, whos in, who else is in, crew, list my team, who is on my team, "
        "whos on my team, who is on our team, whos on our team, who is in my team, "
        "who is in our team, who else is on, my team members",
        cue(Cue.ROSTER),
    ),
    (
        "slot number, position, our position, my position, what number, which number, "
        "order number, place in the order, place in line, running order position, "
        "what slot, which slot, where in the order, how far down",
        cue(Cue.POSITION),
    ),
    (
        "done, finished, over, are we done, is it over, over yet, already, completed, all done, "
        "have we finished, did we finish, did we already",
        cue(Cue.DONE),
    ),
    (
        "checked in, checked-in, signed in, check in status, who has checked, who hasnt checked, "
        "everyone here, all here, has everyone, checkin status, arrived, did everyone, "
        "everyone on my team, did my team check in, did we check in, have we checked in, "
        "all checked in, everyone checked in, check in yet, checked in yet",
        cue(Cue.CHECK_IN),
    ),
    (
        "where should i go, where should we go, where do i go, where do we go, where to go, "
        "where should i be, where should we be, where am i supposed, where are we supposed, "
        "where do i need, where do we need, where do i have to, where do we have to, "
        "where must i go, where must we go, where to now, where now",
        cue(Cue.WHERE, Cue.GO),
    ),
    (
        "lunch, dinner, breakfast, food, eat, eating, canteen, cafeteria, restaurant, weather, "
        "rain, raining, umbrella, wifi, password, toilet, toilets, bathroom, restroom, washroom, "
        "parking, hotel, taxi, joke, jokes, sing, song, movie, movies, coffee, tea, pizza, "
        "stock, stocks, girlfriend, boyfriend, doctor, medicine, train ticket, flight, "
        "birthday, bored, are you a robot, who are you, what are you, how are you, how r u, "
        "hows it going, how is it going, how are you doing, nervous, nerves, scared, anxious, "
        "hungry, thirsty, tired, sleepy, sleep, photo, photos, selfie, dress, wear, shirt, "
        "phone number, wechat, music, dance, marry, haha, lol, lmao, bitcoin, football, soccer, "
        "basketball, story, poem, translate, recommend, sightseeing, shopping, souvenir, "
        "seafood, nearby, beer, drink, drinks, snack, snacks",
        cue(Cue.FOREIGN),
    ),
    (
        "start, starts, starting, begin, begins, beginning, end, ends, finish, finishes, kick off, "
        "kickoff, open, opens",
        cue(Cue.START),
    ),
    (
        "compete, competes, competing, perform, performs, performing, play, plays, playing, go on, "
        "going on stage, present, presenting",
        cue(Cue.PLAY),
    ),
    (
        "where, wheres, which room, what room, which hall, what hall, which venue, what venue, "
        "which building, what building, which floor, what floor, which place, location, "
        "located, directions, direction, address, whereabouts, how to get, how do i get, "
        "how do we get, how can i get, how to find, how do i find, how do we find, "
        "how can i find, how to go, how do i go, how do we go, way to, were is, were are, "
        "were do, were does, were can, were should, wer is, wer are",
        cue(Cue.WHERE),
    ),
    ("room, rooms, hall, halls, venue, venues, place, floor, building", cue(Cue.PLACE)),
    (
        "schedule, schedules, sched, programme, programmes, program, agenda, timetable, "
        "time table, itinerary, plan, plans, planned, whats on, what is on, wats on, "
        "whats happening, what is happening, wats happening, whats going on, what is going on, "
        "going on, happening, events, event, lineup, line up, running order, order, activities, "
        "anything on, calendar, what do we have, what have we got, what do i have, "
        "whats on for us, what are we doing",
        cue(Cue.SCHEDULE),
    ),
    (
        "whats next, what next, what is next, wats next, next item, next thing, next event, "
        "what comes next, whats after that, what is after that, and then",
        cue(Cue.NEXT),
    ),
    (
        "how long, duration, durations, how many minutes, how many hours, how much time, "
        "length, time limit, lasts, minutes, hours",
        cue(Cue.HOW_LONG),
    ),
    ("stage, on stage, onstage, on the stage", cue(Cue.STAGE)),
    ("whos on, who is on, whos up, who is up, whos playing", cue(Cue.WHO, Cue.STAGE)),
    ("up now, on now", cue(Cue.NOW, Cue.STAGE)),
    ("up next, whos next", cue(Cue.NEXT, Cue.STAGE)),
    ("who, whos, whose, which team, what team, which teams", cue(Cue.WHO)),
    ("now, currently, right now, at the moment, presently, at present, current", cue(Cue.NOW)),
    ("next, coming up, upcoming, after that", cue(Cue.NEXT)),
    ("turn, turns", cue(Cue.TURN)),
    # The teams still ahead in the queue, asked about the asker's own team.
    (
        "teams ahead, teams before us, teams before me, ahead of us, ahead of me, in front of us, "
        "in front of me, teams left before",
        cue(Cue.TURN, Cue.WE),
    ),
    (
        "we, us, our, ours, my team, our team, my teams, our teams, my group, our group, my squad",
        cue(Cue.WE),
    ),
    ("i, me, my, mine, im", cue(Cue.ME)),
    ("our track, my track", Meaning()),
    (
        "results, result, score, scores, scoring, ranking, rankings, rank, winner, winners, won, "
        "win, points, leaderboard, practice, practise, judge, judges, judging",
        cue(Cue.OFF_TOPIC),
    ),
    # Greetings name a part of the day without asking about it.
    ("good morning, good afternoon, good evening, good night, morning all", Meaning()),
    # Rounds.
    (
        "theory, exam, exams, examination, written test, written exam, closed book, "
        "theory exam, theory test",
        kind(K.THEORY),
    ),
    ("exam room, exam rooms", kind(K.THEORY, Cue.PLACE)),
    ("showcase, showcases, presentation, presentations, team showcase", kind(K.SHOWCASE)),
    (
        "arena, preliminary, preliminaries, prelim, prelims, preliminary round, heats, qualifying, "
        "mandatory questions, risk questions",
        kind(K.ARENA_PRELIMINARY),
    ),
    (
        "final, finals, grand final, buzzer, buzzer round, buzzer final, final round, finale",
        kind(K.ARENA_FINAL),
    ),
    (
        "ceremony, ceremonies, awards, award, award ceremony, awards ceremony, closing, "
        "closing ceremony, prize giving, prizegiving, prizes, prize",
        kind(K.CEREMONY),
    ),
    ("check in, checkin, sign in, signin, registration, register, registering", kind(K.CHECKIN)),
    (
        "briefing, briefings, draw, meeting, meetings, leaders meeting, orientation",
        kind(K.BRIEFING),
    ),
    # Days and parts of the day; noon counts as afternoon, as 中午 does.
    ("today, todays", day(0)),
    ("tonight, tonite", day(0, P.EVENING)),
    ("tomorrow, tomorrows, tmr, tmrw, tmrow, tomoz, 2morrow, 2moro", day(1)),
    ("day after tomorrow", day(2)),
    ("yesterday", day(-1)),
    ("this morning", day(0, P.MORNING)),
    ("this afternoon", day(0, P.AFTERNOON)),
    ("this evening", day(0, P.EVENING)),
    ("morning, mornings, morn", part(P.MORNING)),
    ("afternoon, afternoons, arvo, noon, midday, lunchtime", part(P.AFTERNOON)),
    ("evening, evenings, night", part(P.EVENING)),
)

_DAY_NAMES = (
    ("monday", "mon"),
    ("tuesday", "tue", "tues"),
    ("wednesday", "wed"),
    ("thursday", "thu", "thur", "thurs"),
    ("friday", "fri"),
    ("saturday", "sat"),
    ("sunday", "sun"),
)
# "next friday" is read as the Friday of next week, like 下周五.
_WEEK_PREFIXES: dict[str, int | None] = {"": None, "this ": 0, "next ": 1, "last ": -1}


def en_keywords() -> Iterator[tuple[str, Meaning]]:
    for phrases, meaning in _ENTRIES:
        for phrase in phrases.split(","):
            yield phrase.strip(), meaning
    for number, names in enumerate(_DAY_NAMES):
        for prefix, week in _WEEK_PREFIXES.items():
            for name in names:
                yield f"{prefix}{name}", weekday(number, week)
