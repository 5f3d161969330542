// The page changing a submitted registration (Features/Dossiers/Edit.cshtml) holds the registration's pages as sections
// of one form. Without this script they are all shown, one under the other. With it they are shown one at a time, as on
// the registration pages ("Bước 2/4", previous / next page), and "Save changes" posts every section from any of them.
// A section with an error is shown first; a link of the error summary shows the section of its field.
(function () {
  'use strict';

  var form = document.querySelector('form[data-sections]');
  if (!form) return;
  var sections = Array.prototype.slice.call(form.querySelectorAll('section[data-section]'));
  var progress = document.getElementById('section-progress');
  var nav = document.getElementById('section-nav');
  if (sections.length < 2 || !progress || !nav) return;
  var previous = nav.querySelector('[data-go=previous]');
  var next = nav.querySelector('[data-go=next]');
  var current = 0;

  function show(index, focus) {
    current = index;
    sections.forEach(function (section, i) { section.hidden = i !== index; });
    progress.textContent = progress.getAttribute('data-format').replace('{0}', index + 1).replace('{1}', sections.length);
    previous.hidden = index === 0;
    next.hidden = index === sections.length - 1;
    if (focus) {
      var heading = sections[index].querySelector('h2');
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }

  function sectionOf(element) {
    for (var i = 0; i < sections.length; i++) if (sections[i].contains(element)) return i;
    return -1;
  }

  previous.addEventListener('click', function () { if (current > 0) show(current - 1, true); });
  next.addEventListener('click', function () { if (current < sections.length - 1) show(current + 1, true); });

  // The error summary's links ("#electives") lead to fields that may sit in another section.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#"]');
    if (!link) return;
    var target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
    var index = target ? sectionOf(target) : -1;
    if (index >= 0 && index !== current) show(index, false);
  });

  var invalid = form.querySelector('.is-invalid, .field-validation-error');
  var start = invalid ? sectionOf(invalid) : -1;
  progress.hidden = false;
  nav.hidden = false;
  show(start >= 0 ? start : 0, false);
})();
