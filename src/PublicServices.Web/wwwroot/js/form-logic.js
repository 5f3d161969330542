// Progressive enhancement of the application pages (Features/Applications/Page.cshtml). Without this script every field
// whose visibleWhen reads this page is rendered and the server ignores the ones its rule hides; with it, those fields
// show and hide as the applicant types, and long code lists get a quick search. The server trusts none of this.
(function () {
  'use strict';

  var form = document.querySelector('form[data-form-id]');
  if (!form) return;
  var formId = form.getAttribute('data-form-id');

  // ---- Enter ------------------------------------------------------------------------------------------------------
  // The header's language switch is a submit button of this form (it saves what was typed before the language changes)
  // and comes first in the page, so the browser would make it the form's default button: Enter in a field goes on to
  // "Lưu và tiếp tục" (on the dossier edit form, "Lưu thay đổi") as it always did. (Without JavaScript, Enter keeps what
  // was typed and shows the page in the other language.)
  var next = form.querySelector('button[name=next], button[name=save]');
  form.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.key !== 'Enter' || event.defaultPrevented || !next || target.tagName !== 'INPUT'
        || /^(submit|button|reset|image|file)$/.test(target.type)) return;
    event.preventDefault();
    next.click();
  });

  // ---- visibleWhen ----------------------------------------------------------------------------------------------

  var stored = {};
  try { stored = JSON.parse(document.getElementById('form-data').textContent) || {}; } catch (e) { /* no rule can read it */ }
  var settings = {};
  try { settings = JSON.parse(document.getElementById('form-settings').textContent) || {}; } catch (e) { /* rules read no settings */ }

  // Typed as FormValidator types what is posted: numbers, true/false, "yyyy-MM-dd", lists; empty means absent.
  function valueOf(controls, previous) {
    var first = controls[0];
    var text = (first.value || '').trim();
    switch (first.getAttribute('data-type')) {
      case 'multiselect': return controls.filter(function (c) { return c.checked; }).map(function (c) { return c.value; });
      case 'boolean': return first.checked;
      case 'file': // Uploads are saved on the next post; until then a chosen file counts by its name.
        return (Array.isArray(previous) ? previous : []).concat(Array.prototype.map.call(first.files || [], function (f) { return f.name; }));
      case 'number':
        if (!text) return undefined;
        var number = Number(text.replace(',', '.'));
        return isNaN(number) ? text : number;
      case 'date':
        var dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text); // typed by hand where there is no date picker
        return dmy ? dmy[3] + '-' + ('0' + dmy[2]).slice(-2) + '-' + ('0' + dmy[1]).slice(-2) : text || undefined;
      default: return text || undefined;
    }
  }

  // The stored answers with this page's current ones over them; a hidden field is not saved, so it reads as absent.
  function scope() {
    var answers = Object.assign({}, stored);
    var byName = {};
    Array.prototype.forEach.call(form.querySelectorAll('[data-type]'), function (c) { (byName[c.name] = byName[c.name] || []).push(c); });
    Object.keys(byName).forEach(function (name) {
      var wrapper = byName[name][0].closest('[data-field]');
      var value = wrapper && wrapper.hidden ? undefined : valueOf(byName[name], stored[name]);
      if (value === undefined) delete answers[name]; else answers[name] = value;
    });
    var data = { settings: settings };
    data[formId] = answers;
    return data;
  }

  var wrappers = Array.prototype.slice.call(form.querySelectorAll('[data-visible-when]'));

  function shouldShow(wrapper, data) {
    try {
      wrapper.rule = wrapper.rule || JSON.parse(wrapper.getAttribute('data-visible-when'));
      return window.jsonLogic.truthy(window.jsonLogic.apply(wrapper.rule, data));
    } catch (e) {
      return true; // a rule the library cannot run: show the field and let the server decide
    }
  }

  function refresh() {
    if (!window.jsonLogic) return; // library failed to load: everything stays visible, as without JavaScript
    // Repeat until stable, since hiding one field can change a rule that reads it; bounded in case rules flip-flop.
    for (var pass = 0; pass <= wrappers.length; pass++) {
      var data = scope();
      var changed = false;
      wrappers.forEach(function (wrapper) {
        var show = shouldShow(wrapper, data);
        if (show !== wrapper.hidden) return;
        changed = true;
        wrapper.hidden = !show;
        // Disabled controls are not posted, so a hidden field sends nothing stale.
        Array.prototype.forEach.call(wrapper.querySelectorAll('input, select, textarea, button'), function (c) { c.disabled = !show; });
      });
      if (!changed) return;
    }
  }

  form.addEventListener('input', refresh);
  form.addEventListener('change', refresh);
  refresh();

  // ---- quick search in long code lists --------------------------------------------------------------------------

  var LONG_LIST = 20;

  // "ha noi" finds "Thành phố Hà Nội": no case, no tone marks, đ as d, spaces collapsed.
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
  }

  Array.prototype.forEach.call(form.querySelectorAll('select[data-filter-label]'), function (select) {
    if (select.options.length <= LONG_LIST) return;
    // An option in a group (<optgroup>, e.g. schools under their council) is found by the group's name too: "ha noi"
    // lists Hà Nội's schools. Groups left empty by a search are left out.
    var all = Array.prototype.map.call(select.options, function (o) {
      var group = o.parentNode.tagName === 'OPTGROUP' ? o.parentNode : null;
      return { option: o, group: group, text: fold(o.text + (group ? ' ' + group.label : '')) };
    });
    var input = document.createElement('input');
    input.type = 'search';
    input.id = select.id + '-filter';
    input.className = 'form-control form-control-sm mb-1';
    input.autocomplete = 'off';
    input.setAttribute('aria-controls', select.id);
    var label = document.createElement('label');
    label.htmlFor = input.id;
    label.className = 'form-label small d-block mb-1';
    label.textContent = select.getAttribute('data-filter-label');
    select.parentNode.insertBefore(label, select);
    select.parentNode.insertBefore(input, select);

    input.addEventListener('input', function () {
      var query = fold(input.value);
      var current = select.value;
      // Rebuilt rather than hidden: Safari on iOS ignores `hidden` on <option>. The placeholder and the current choice stay.
      var keep = all.filter(function (e) { return !query || !e.option.value || e.option.value === current || e.text.indexOf(query) >= 0; });
      while (select.firstChild) select.removeChild(select.firstChild);
      keep.forEach(function (e) {
        if (!e.group) { select.appendChild(e.option); return; }
        if (e.group.parentNode !== select) {
          while (e.group.firstChild) e.group.removeChild(e.group.firstChild);
          select.appendChild(e.group);
        }
        e.group.appendChild(e.option);
      });
      select.value = current;
    });
    // Enter would submit the page; move on to the list instead.
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') { event.preventDefault(); select.focus(); }
    });
  });
})();
