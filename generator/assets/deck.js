/* deckgen runtime */

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
