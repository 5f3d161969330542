// While a bulk action runs (one request; hundreds of tasks take a few seconds) show that work is in progress and
// prevent a second submission. Without JavaScript the form simply posts and the results page follows.
(function () {
  var form = document.getElementById('bulk-form');
  if (!form) return;
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
