/**
 * General English function words, which WordNet (content words only) mostly lacks: pronouns, determiners,
 * prepositions, conjunctions, auxiliaries and modals, and their common contractions. Lower case.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  // pronouns
  'i', 'me', 'my', 'mine', 'myself', 'you', 'your', 'yours', 'yourself', 'yourselves', 'he', 'him', 'his', 'himself',
  'she', 'her', 'hers', 'herself', 'it', 'its', 'itself', 'we', 'us', 'our', 'ours', 'ourselves', 'they', 'them',
  'their', 'theirs', 'themselves', 'who', 'whom', 'whose', 'which', 'what', 'whoever', 'whatever', 'whichever',
  'this', 'that', 'these', 'those', 'one', 'ones', 'oneself', 'someone', 'somebody', 'something', 'anyone',
  'anybody', 'anything', 'everyone', 'everybody', 'everything', 'no one', 'nobody', 'nothing', 'none',
  // determiners and quantifiers
  'a', 'an', 'the', 'some', 'any', 'no', 'every', 'each', 'either', 'neither', 'all', 'both', 'few', 'many', 'much',
  'more', 'most', 'less', 'least', 'several', 'such', 'other', 'another', 'enough',
  // prepositions
  'about', 'above', 'across', 'after', 'against', 'along', 'amid', 'amidst', 'among', 'amongst', 'around', 'as', 'at',
  'before', 'behind', 'below', 'beneath', 'beside', 'besides', 'between', 'beyond', 'by', 'despite', 'down',
  'during', 'except', 'for', 'from', 'in', 'inside', 'into', 'like', 'near', 'of', 'off', 'on', 'onto', 'out',
  'outside', 'over', 'past', 'per', 'since', 'than', 'through', 'throughout', 'till', 'to', 'toward', 'towards',
  'under', 'underneath', 'unlike', 'until', 'up', 'upon', 'via', 'with', 'within', 'without',
  // conjunctions and question words
  'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'because', 'although', 'though', 'while', 'whereas', 'unless',
  'whether', 'when', 'where', 'why', 'how', 'then', 'once', 'whenever', 'wherever', 'not',
  // auxiliaries and modals
  'be', 'am', 'is', 'are', 'was', 'were', 'been', 'being', 'have', 'has', 'had', 'having', 'do', 'does', 'did',
  'done', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'ought',
  // contractions
  "i'm", "you're", "he's", "she's", "it's", "we're", "they're", "i've", "you've", "we've", "they've", "i'd",
  "you'd", "he'd", "she'd", "we'd", "they'd", "i'll", "you'll", "he'll", "she'll", "it'll", "we'll", "they'll",
  "that's", "there's", "what's", "who's", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't",
  "doesn't", "don't", "didn't", "won't", "wouldn't", "shan't", "shouldn't", "can't", "cannot", "couldn't",
  "mightn't", "mustn't", "let's",
]);
