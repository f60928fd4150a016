// Korean search: a word with a particle finds what the bare word finds.
//
// Korean writes particles and endings onto the word: 조사위원회는, 안보리에서, 결의를. The
// theme's search (lunr) splits text at spaces only, so its index holds 조사위원회는 and
// 조사위원회의 as words of their own, and it looks each query word up as the start of a word
// (조사위원회 finds 조사위원회는; 조사위원회는 does not find 조사위원회의). This script takes
// the ending off each Korean word of a query before the query reaches the theme's search
// worker, so that 조사위원회는 is searched as 조사위원회.
//
// An ending is taken off only when
//   - what remains is a word of the site's own index (파라과이 stays whole: 파라과 is no
//     word of the site), of two syllables or more (국가, 회의, 인도, 오만, 통가 stay whole:
//     one syllable searched as the start of a word finds nearly everything), and
//   - the whole word takes no particle of its own in the index (전문가 stays whole: the
//     site writes 전문가의, so 전문가 is a word, not 전문 with 가). A longer particle does
//     not count: 북한에는 is 북한 with 에는, so 북한에 is still 북한 with 에.
// The words are learnt from the index the theme hands its worker, the first time a query
// has Korean in it. Nothing else is changed: without this script, or if it fails, search
// works as the theme made it.
//
// It is loaded before the theme's script (a "polyfill" of the Korean edition), and it hooks
// in where the theme talks to its worker: the setup message (the index) and each query
// message. It makes no request of its own and leaves lazy-search.js's deferral of the
// index as it is.
(function () {
  "use strict";

  // Particles and endings, longest first: 에서는 before 는, 으로 before 로.
  var ENDINGS = [
    "은", "는", "이", "가", "을", "를", "의", "에", "에서", "으로", "로", "와", "과", "도", "만",
    "에게", "한테", "께서", "까지", "부터", "처럼", "보다", "에게서", "으로서", "로서", "으로써", "로써",
    // a particle on a particle
    "에는", "에도", "에만", "에서는", "에서도", "에서만", "에서의", "으로는", "으로도", "으로만",
    "으로의", "로는", "로도", "로만", "로의", "와는", "과는", "와도", "과도", "와의", "과의",
    "에게는", "에게도", "에게만", "까지는", "까지도", "까지의", "까지만", "부터는", "부터도",
    "부터의", "만을", "만이", "만의", "만은",
    // "is", "was"
    "이다", "이며", "이고", "였다", "이었다"
  ].sort(function (a, b) { return b.length - a.length; });
  var SHORTEST_STEM = 2;  // syllables
  var HANGUL = /[\uAC00-\uD7A3]+/g;  // a run of Hangul syllables

  // The Korean words of the index: each run of Hangul that stands alone between spaces or
  // punctuation in a title or a text (HTML tags taken out).
  function learn(docs) {
    var words = new Set();
    var alone = /(^|[^\w\uAC00-\uD7A3])([\uAC00-\uD7A3]+)(?![\w\uAC00-\uD7A3])/g;
    docs.forEach(function (doc) {
      var text = ((doc.title || "") + " " + (doc.text || "")).replace(/<[^>]*>/g, " ");
      var match;
      alone.lastIndex = 0;
      while ((match = alone.exec(text))) words.add(match[2]);
    });
    return words;
  }

  // The word as the index knows it: 조사위원회는 -> 조사위원회; 국가 -> 국가.
  function stem(word, words) {
    for (var i = 0; i < ENDINGS.length; i++) {
      var ending = ENDINGS[i];
      var rest = word.slice(0, -ending.length);
      if (word.length - ending.length < SHORTEST_STEM || word.slice(-ending.length) !== ending ||
          !words.has(rest)) continue;
      var ownParticle = ENDINGS.some(function (more) {
        return words.has(word + more) && ENDINGS.indexOf(ending + more) === -1;
      });
      return ownParticle ? word : rest;
    }
    return word;
  }

  // The query with each Korean word stemmed; a Korean run joined to Latin letters or digits
  // (A/HRC/25/63에서, COI보고서) is left as it is, like everything else of the query.
  function rewrite(query, words) {
    return query.replace(HANGUL, function (word, at) {
      var around = query.charAt(at - 1) + query.charAt(at + word.length);
      return /\w/.test(around) ? word : stem(word, words);
    });
  }

  if (typeof module === "object" && module.exports) {  // the tests, under node
    module.exports = { ENDINGS: ENDINGS, learn: learn, stem: stem, rewrite: rewrite };
    return;
  }
  if (typeof Worker !== "function" || typeof Set !== "function") return;

  // The theme's messages to its search worker (Material for MkDocs 9): {type: 0, data:
  // {config, docs, options}} sets the index up; {type: 2, data: "the query"} searches.
  var SETUP = 0;
  var QUERY = 2;
  var post = Worker.prototype.postMessage;
  var index = new WeakMap();  // worker -> {docs, words}

  Worker.prototype.postMessage = function (message) {
    var args = Array.prototype.slice.call(arguments);
    try {
      if (message && message.type === SETUP && message.data && Array.isArray(message.data.docs)) {
        index.set(this, { docs: message.data.docs, words: null });
      } else if (message && message.type === QUERY && typeof message.data === "string" &&
                 index.has(this) && message.data.search(HANGUL) !== -1) {
        var known = index.get(this);
        known.words = known.words || learn(known.docs);
        args[0] = { type: QUERY, data: rewrite(message.data, known.words) };
      }
    } catch (error) {
      args[0] = message;  // the query as typed
    }
    return post.apply(this, args);
  };
})();
