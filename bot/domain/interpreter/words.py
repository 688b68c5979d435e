"""Common English words that are never typos of a keyword ("then" is not "when")."""

# fmt: off
STOPWORDS = frozenset((
    "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any",
    "anyone", "anything", "are", "around", "as", "ask", "at", "away", "back", "ball", "be",
    "been", "before", "being", "best", "bell", "both", "but", "by", "call", "can", "cant",
    "come", "could", "day", "days", "did", "do", "does", "done", "dont", "down", "drew",
    "each", "else", "even", "ever", "every", "fall", "fell", "fill", "find", "fine",
    "first", "for", "from", "get", "give", "go", "going", "gone", "good", "got", "great",
    "had", "half", "has", "have", "he", "hello", "help", "her", "here", "hers", "hey", "hi",
    "hill", "him", "his", "hold", "home", "hope", "how", "hows", "if", "in", "info", "into",
    "is", "it", "its", "just", "keep", "kind", "know", "last", "later", "let", "like",
    "live", "look", "lot", "love", "made", "make", "many", "may", "maybe", "meet", "more",
    "most", "much", "must", "need", "never", "nice", "no", "not", "of", "off", "oh", "ok",
    "okay", "on", "once", "one", "only", "or", "other", "out", "over", "please", "pls",
    "plz", "rest", "right", "said", "same", "say", "see", "seen", "sell", "shall", "she",
    "shop", "should", "show", "so", "some", "soon", "sorry", "still", "such", "sure",
    "take", "tall", "tell", "text", "than", "thank", "thanks", "thx", "that", "the",
    "their", "them", "then", "there", "these", "they", "thing", "think", "this", "those",
    "though", "thus", "to", "too", "two", "up", "upon", "very", "wait", "want", "was",
    "way", "we", "well", "went", "were", "west", "what", "whats", "which", "while", "who",
    "why", "will", "wish", "with", "within", "without", "word", "work", "would", "yeah",
    "year", "yes", "yet", "you", "your", "yours",
))
# fmt: on
