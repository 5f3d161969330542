// While a bulk action runs (one request; hundreds of tasks take a few seconds) show that work is in progress and
// prevent a second submission. Without JavaScript the form simply posts and the results page follows.
// Also: the box in the table's header ticks (or clears) every row of the page at once.
(function () {
  var form = document.getElementById('bulk-form');
  if (!form) return;
  var all = document.getElementById('select-page');
  if (all) {
    var rows = Array.prototype.slice.call(form.querySelectorAll('input[name=ids]'));
    var sync = function () {
      var ticked = rows.filter(function (r) { return r.checked; }).length;
      all.checked = ticked === rows.length;
      all.indeterminate = ticked > 0 && ticked < rows.length;
    };
    all.hidden = false;
    all.addEventListener('change', function () {
      rows.forEach(function (r) { r.checked = all.checked; });
      all.indeterminate = false;
    });
    rows.forEach(function (r) { r.addEventListener('change', sync); });
    sync();
  }
  form.addEventListener('submit', function () {
    var button = form.querySelector('button[type=submit]');
    if (button) {
      button.disabled = true;
      button.insertAdjacentHTML('afterbegin', '<span class="spinner-border spinner-border-sm me-1" aria-hidden="true"></span>');
    }
    var status = document.createElement('p');
    status.setAttribute('role', 'status');
    status.className = 'mt-2';
    status.textContent = form.getAttribute('data-progress');
    form.appendChild(status);
  });
})();
