/* deckgen's runtime in the page: makes every slide fit its 1280x720 (or 960x720) stage.
 *
 * A slide's code, output and tables shrink together (the --fit CSS variable, read by
 * theme.css) to the largest factor that lets the slide fit, never below FLOOR, the
 * smallest size still readable from the back of a room. Charts and timelines keep their
 * size on screen: they are drawn with 18 px text, the floor for figures, so shrinking
 * them would put their text below it. A long listing of short lines that does not fit
 * even then is flowed into two columns. Details that open over the slide (the timing
 * table, a claim's evidence) are opened and measured too: each must show whole. Past
 * that the slide is left at the floor and marked: data-overflow says what is hidden, which
 * `deckgen check` reads (it opens the page with ?deckgen-fit-report, fits every slide
 * and prints the marks). Fitting happens in the slide's own coordinates, before
 * reveal.js scales the stage to the window, so it does not depend on the window.
 *
 * In reveal.js's print view (?print-pdf) every slide is fitted the same way, and with
 * showNotes the pages grow so the notes print below the slide, not over it.
 */
(function () {
  'use strict';

  var FLOOR = 0.6;
  // On paper nothing can be revealed later and a PDF reader zooms, so a slide that
  // does not fit at FLOOR keeps shrinking there rather than losing its last lines.
  var PRINT_FLOOR = 0.3;
  var STEP = 0.025;
  var fitted = new WeakSet();

  // How far the slide's content reaches past its box, in slide px: below the slide,
  // and right of its padding (a table wider than the text column is too wide even
  // where the slide's margin would still show it). Blocks do not scroll (theme.css),
  // so their overflow shows in the slide's.
  function overflowOf(slide) {
    var bottom = Math.max(0, slide.scrollHeight - slide.clientHeight);
    var box = slide.getBoundingClientRect();
    var scale = slide.offsetWidth > 0 ? box.width / slide.offsetWidth : 1;
    var contentRight = slide.clientWidth - parseFloat(getComputedStyle(slide).paddingRight);
    var right = Math.max(0, slide.scrollWidth - slide.clientWidth);
    Array.prototype.forEach.call(slide.children, function (block) {
      if (block.tagName === 'ASIDE') return;
      right = Math.max(right, (block.getBoundingClientRect().right - box.left) / scale - contentRight);
    });
    // A figure keeps its drawing's size on screen (theme.css) while its own box may
    // shrink: the drawing then runs over the blocks below it, inside the slide, where the
    // slide's overflow does not show it. What sticks out of the figure is hidden as surely.
    slide.querySelectorAll('figure').forEach(function (figure) {
      bottom = Math.max(bottom, figure.scrollHeight - figure.clientHeight);
    });
    // A line wider than its box inside a block (a listing, a table). A listing's <code>
    // counts on its own: a line a little too long runs into the <pre>'s padding, where
    // the <pre> does not measure it, and the print view (reveal.js) clips it there.
    slide.querySelectorAll('pre, pre > code, table').forEach(function (block) {
      right = Math.max(right, block.scrollWidth - block.clientWidth);
    });
    return { bottom: bottom, right: right };
  }

  // A table cell as short as "1.21 s" or "41.2 MB" must not break between number and
  // unit: such cells keep to one line, and the table shrinks instead. Longer cells
  // (sentences) still wrap.
  var SHORT_CELL = 16;
  function keepShortCellsWhole(slide) {
    slide.querySelectorAll('td, th').forEach(function (cell) {
      if (cell.textContent.trim().length <= SHORT_CELL) cell.classList.add('fit-nowrap');
    });
  }

  function fits(slide) {
    var o = overflowOf(slide);
    // No slack: scrollHeight is whole px, so "1 px over" is really up to 2, which the
    // browser test saw as a line of prose past the slide's edge.
    return o.bottom < 1 && o.right < 1;
  }

  // In the print view figures shrink along (--figure-fit): a PDF reader zooms.
  function setFit(slide, factor) {
    slide.style.setProperty('--fit', String(factor));
    if (Reveal.isPrintView()) slide.style.setProperty('--figure-fit', String(factor));
  }

  // Each drawing's height at the slide's full width: figures grow from there into the
  // free space, and shrink from there no further than --fit allows.
  function measureFigures(slide) {
    slide.querySelectorAll('figure > svg[viewBox]').forEach(function (svg) {
      var box = svg.viewBox.baseVal;
      var width = Math.min(svg.parentElement.clientWidth || box.width, box.width);
      if (box.width > 0) svg.style.setProperty('--natural-height', (box.height * width / box.width) + 'px');
    });
  }

  // The largest factor in [floor, 1], on a STEP grid, at which the slide fits; floor
  // when none does. Binary search: fitting only ever gets easier as blocks shrink.
  function largestFit(slide, floor) {
    setFit(slide, 1);
    if (fits(slide)) return 1;
    var lo = 0, hi = Math.round((1 - floor) / STEP);   // steps below 1
    setFit(slide, floor);
    if (!fits(slide)) return floor;
    while (hi - lo > 1) {
      var mid = (lo + hi) >> 1;
      setFit(slide, 1 - mid * STEP);
      if (fits(slide)) hi = mid; else lo = mid;
    }
    var best = +(1 - hi * STEP).toFixed(3);
    setFit(slide, best);
    return best;
  }

  // Two columns are worth trying only when every listing's longest line fits half of
  // its box at the floor size.
  function columnsCanHelp(slide) {
    var listings = slide.querySelectorAll('pre.code');
    if (listings.length === 0) return false;
    setFit(slide, FLOOR);
    return Array.prototype.every.call(listings, function (pre) {
      var code = pre.querySelector('code') || pre;
      var lines = code.textContent.replace(/\n$/, '').split('\n');
      if (lines.length < 12) return false;
      var longest = lines.reduce(function (a, b) { return a.length >= b.length ? a : b; }, '');
      var probe = document.createElement('span');
      probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
      probe.textContent = longest;
      code.appendChild(probe);
      var lineWidth = probe.getBoundingClientRect().width / scaleOf(pre);
      code.removeChild(probe);
      var style = getComputedStyle(pre);
      var inner = pre.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return 2 * lineWidth + 40 <= inner;
    });
  }

  // getBoundingClientRect is in window px; layout sizes are in slide px.
  function scaleOf(element) {
    var r = element.getBoundingClientRect();
    return element.offsetWidth > 0 ? r.width / element.offsetWidth : 1;
  }

  // An opened overlay (the timing table, a claim's evidence) is placed just above its
  // summary line, or else just below it, where it shows whole: the line stays in sight,
  // and a second click on it closes the overlay, as a speaker expects of a line that
  // opened something. Where neither side has room, the overlay keeps theme.css's place
  // (the slide's whole height, over the line); its ✕ and Escape close it there too.
  // Placed by its line, an overlay may come within OVERLAY_EDGE of the slide's edges (over
  // the heading, say: it is open only for a moment), which lets a statistics table fit
  // above a timing line in the middle of a slide.
  var OVERLAY_EDGE = 8;
  var OVERLAY_GAP = 6;
  function placeOverlay(details) {
    var overlay = details.querySelector(':scope > .overlay');
    var slide = details.closest('section');
    var summary = details.querySelector(':scope > summary');
    if (!overlay || !slide || !summary || !details.open) return;
    if (!overlay.querySelector(':scope > .overlay-close')) {
      var close = document.createElement('button');
      close.type = 'button';
      close.className = 'overlay-close';
      close.setAttribute('aria-label', 'close');
      close.textContent = '\u2715';
      overlay.insertBefore(close, overlay.firstChild);
    }
    overlay.style.top = overlay.style.bottom = '';
    var scale = scaleOf(slide);
    var box = slide.getBoundingClientRect(), line = summary.getBoundingClientRect();
    var lineTop = (line.top - box.top) / scale, lineBottom = (line.bottom - box.top) / scale;
    var height = overlay.scrollHeight + (overlay.offsetHeight - overlay.clientHeight);
    if (height <= lineTop - OVERLAY_GAP - OVERLAY_EDGE) {
      overlay.style.bottom = (slide.clientHeight - lineTop + OVERLAY_GAP) + 'px';
    } else if (height <= slide.clientHeight - OVERLAY_EDGE - lineBottom - OVERLAY_GAP) {
      overlay.style.top = (lineBottom + OVERLAY_GAP) + 'px';
      overlay.style.bottom = 'auto';
    }
  }

  // Each of the slide's overlays opened in turn (and closed again): how far its content
  // reaches past its box, which does not scroll into view on its own, or past the slide.
  // Overlays do not shrink with --fit: their text is already small.
  function hiddenInOverlays(slide) {
    var hidden = [];
    slide.querySelectorAll('details').forEach(function (details) {
      var overlay = details.querySelector(':scope > .overlay');
      if (!overlay) return;
      var wasOpen = details.open;
      details.open = true;
      placeOverlay(details);
      var scale = scaleOf(slide);
      var box = slide.getBoundingClientRect(), r = overlay.getBoundingClientRect();
      var taller = Math.max(overlay.scrollHeight - overlay.clientHeight, (box.top - r.top) / scale, (r.bottom - box.bottom) / scale);
      var wider = Math.max(overlay.scrollWidth - overlay.clientWidth, (box.left - r.left) / scale, (r.right - box.right) / scale);
      details.open = wasOpen;
      var what = details.classList.contains('timing') ? 'the timing details' : 'a claim\'s evidence';
      if (taller > 1) hidden.push(what + ', opened, ' + Math.round(taller) + ' px taller than their box');
      if (wider > 1) hidden.push(what + ', opened, ' + Math.round(wider) + ' px wider than their box');
    });
    return hidden;
  }

  function describeHidden(slide, o, factor) {
    var parts = [];
    if (o.bottom >= 1) {
      var text = Math.round(o.bottom) + ' px below the bottom';
      var pre = slide.querySelector('pre.code');
      if (pre) {
        var lineHeight = parseFloat(getComputedStyle(pre).lineHeight);
        if (lineHeight > 0) text += ' (about ' + Math.ceil(o.bottom / lineHeight) + ' lines of code)';
      }
      parts.push(text);
    }
    if (o.right >= 1) parts.push(Math.round(o.right) + ' px past the right edge');
    return parts.join(', ') + ' is hidden, with its code, output and tables at ' + Math.round(factor * 100) +
      '% size (figures keep theirs)';
  }

  function fitSlide(slide, force, floor) {
    if (!slide || slide.classList.contains('stack')) return;
    if (fitted.has(slide) && !force) return;
    fitted.add(slide);
    floor = floor || FLOOR;
    slide.classList.remove('fit-columns');
    slide.removeAttribute('data-overflow');
    measureFigures(slide);
    keepShortCellsWhole(slide);
    var factor = largestFit(slide, FLOOR);
    if (!fits(slide) && columnsCanHelp(slide)) {
      slide.classList.add('fit-columns');
      factor = largestFit(slide, floor);
      // Still too long: on screen one column at the floor, so what is hidden is the
      // end of the listing, not the end of each column.
      if (!fits(slide) && floor === FLOOR) slide.classList.remove('fit-columns'), factor = largestFit(slide, FLOOR);
    } else if (!fits(slide) && floor < FLOOR) {
      factor = largestFit(slide, floor);
    }
    slide.setAttribute('data-fit', String(factor));
    var hidden = fits(slide) ? [] : [describeHidden(slide, overflowOf(slide), factor)];
    if (!Reveal.isPrintView()) hidden = hidden.concat(hiddenInOverlays(slide));
    if (hidden.length > 0) slide.setAttribute('data-overflow', hidden.join('; '));
  }

  function allSlides() {
    return Array.prototype.slice.call(document.querySelectorAll('.reveal .slides section:not(.stack)'));
  }

  // ?deckgen-fit-report: fit every slide, then say so on <body> for `deckgen check`,
  // which reads the marks from the page Chromium dumps.
  function fitReport() {
    allSlides().forEach(function (slide, index) {
      Reveal.slide(index);
      fitSlide(slide, true);
    });
    document.body.setAttribute('data-fit-report', 'done');
  }

  // Print view with notes: pages taller by a notes area, the notes placed in it. The
  // page count stays the slide count.
  var NOTES_AREA = 420;
  function notesBelowSlides() {
    var notes = document.querySelectorAll('.speaker-notes-pdf');
    if (notes.length === 0) return;
    var page = document.querySelector('.pdf-page');
    var pageHeight = page.offsetHeight, pageWidth = page.offsetWidth;
    var style = document.createElement('style');
    style.textContent = '@page{size:' + pageWidth + 'px ' + (pageHeight + NOTES_AREA) + 'px;margin:0}' +
      'html.reveal-print .reveal .slides .pdf-page{height:' + (pageHeight + NOTES_AREA) + 'px !important}';
    document.head.appendChild(style);
    document.body.style.height = (pageHeight + NOTES_AREA) + 'px';
    notes.forEach(function (n) {
      n.classList.add('below-slide');
      n.style.top = pageHeight + 'px';
      n.style.bottom = 'auto';
      n.style.left = '0px';
      n.style.width = pageWidth + 'px';
      n.style.height = NOTES_AREA + 'px';
      n.style.overflow = 'hidden';
      // Long notes get smaller type rather than being cut.
      for (var size = 22; size > 12 && n.scrollHeight > n.clientHeight + 1; size -= 1) n.style.fontSize = size + 'px';
    });
  }

  // Files the page carries (write/page.cpp): every link to one of them becomes a blob:
  // link to the embedded copy, so a trace downloads from the single file, offline.
  function linkAttachments() {
    document.querySelectorAll('script.deckgen-attachment[data-path]').forEach(function (script) {
      var path = script.getAttribute('data-path');
      var url = null;
      document.querySelectorAll('a[href]').forEach(function (a) {
        if (a.getAttribute('href') !== path) return;
        url = url || URL.createObjectURL(new Blob([script.textContent], { type: 'application/json' }));
        a.setAttribute('href', url);
        if (!a.hasAttribute('download')) a.setAttribute('download', path.split('/').pop());
      });
    });
  }

  // Delegated from the document, so slides that `watch` swaps in get the same: placing an
  // overlay as it opens ('toggle' does not bubble, so it is caught on the way down), its
  // ✕, and Escape, which closes what is open on the slide before reveal.js sees the key
  // (there it opens the overview).
  function closeOverlaysOnEscape() {
    document.addEventListener('toggle', function (event) {
      if (event.target.tagName === 'DETAILS') placeOverlay(event.target);
    }, true);
    document.addEventListener('click', function (event) {
      var close = event.target.closest && event.target.closest('.overlay-close');
      if (close) close.closest('details').open = false;
    });
    window.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape' || !window.Reveal) return;
      var slide = Reveal.getCurrentSlide();
      var open = slide ? slide.querySelectorAll('details[open]') : [];
      var closed = false;
      Array.prototype.forEach.call(open, function (details) {
        if (details.querySelector(':scope > .overlay')) details.open = false, closed = true;
      });
      if (closed) event.preventDefault(), event.stopPropagation();
    }, true);
  }

  function start() {
    linkAttachments();
    closeOverlaysOnEscape();
    if (!window.Reveal) return;
    Reveal.on('pdf-ready', function () {
      allSlides().forEach(function (slide) { fitSlide(slide, true, PRINT_FLOOR); });
      notesBelowSlides();
      document.body.setAttribute('data-fit-report', 'done');
    });
    Reveal.on('ready', function () {
      if (Reveal.isPrintView()) return;   // fitted on 'pdf-ready', once laid out as pages
      if (/[?&]deckgen-fit-report\b/.test(location.search)) return fitReport();
      fitSlide(Reveal.getCurrentSlide());
    });
    Reveal.on('slidechanged', function (event) { fitSlide(event.currentSlide); });
    // `deckgen watch` replaced this slide's contents (serve/live_reload.cpp): fitted
    // again now if it is on screen, else when it is next shown. No other slide is.
    document.addEventListener('deckgen:replaced', function (event) {
      var slide = event.target;
      linkAttachments();   // its links to the page's files are plain paths again
      fitted.delete(slide);
      if (slide === Reveal.getCurrentSlide()) fitSlide(slide);
    });
  }

  // This script comes after reveal.js and before Reveal.initialize (write/page.cpp):
  // listeners added now see the first 'ready'.
  start();
})();


// Code lines marked in steps ("1-3|5", render/code_html.h): the first step is marked in
// the HTML; each later step is an empty fragment after the code, and the step shown is
// the last of them visible.
(function () {
  function parseSteps(text) {
    return text.split('|').map(function (step) {
      return step.split(',').map(function (range) {
        var ends = range.split('-').map(Number);
        return [ends[0], ends.length > 1 ? ends[1] : ends[0]];
      });
    });
  }
  function covers(step, line) {
    return step.some(function (r) { return line >= r[0] && line <= r[1]; });
  }
  function update(pre) {
    var steps = parseSteps(pre.getAttribute('data-line-steps'));
    var shown = pre.querySelectorAll('.code-step.visible').length;
    var step = steps[Math.min(shown, steps.length - 1)];
    pre.querySelectorAll('.line').forEach(function (line, i) {
      line.classList.toggle('mark', covers(step, i + 1));
    });
  }
  function onFragment(event) {
    var fragments = event.fragments || [event.fragment];
    fragments.forEach(function (f) {
      if (f && f.classList.contains('code-step')) update(f.closest('pre'));
    });
  }
  var reveal = document.querySelector('.reveal');
  if (!reveal) return;
  reveal.addEventListener('fragmentshown', onFragment);
  reveal.addEventListener('fragmenthidden', onFragment);
  // Arriving on a slide (backwards too) restores the step its fragments say.
  reveal.addEventListener('slidechanged', function (event) {
    if (event.currentSlide) event.currentSlide.querySelectorAll('pre[data-line-steps]').forEach(update);
  });
})();
