// The popup's contract in plain JavaScript: the floor that `make bench`
// measures the Go popup against. It does the same job, as briefly as is
// reasonable, with the kill types written into popup.html.
'use strict';

const $ = (id) => document.getElementById(id);
const token = $('token');
const select = $('kill-type');
const kill = $('kill');
const confirmBox = $('confirm-box');
const result = $('result');

function show(outcome, text) {
  result.textContent = text;
  if (outcome) result.setAttribute('data-outcome', outcome);
  else result.removeAttribute('data-outcome');
}

function describe() {
  const o = select.selectedOptions[0];
  $('kill-type-description').textContent = o.dataset.description;
  $('kill-type-permission').textContent = o.dataset.permission;
  confirmBox.hidden = true;
  kill.disabled = false;
}

function setBusy(busy) {
  token.disabled = select.disabled = kill.disabled = busy;
}

// The project's contract: the click takes away the outcome shown before,
// and the pending view (controls off) waits until the answer has taken
// 100 ms; clicks meanwhile send nothing.
const ANSWER_GRACE_MS = 100;
let sending = false;

async function send(option, bearer) {
  sending = true;
  if (result.textContent || result.hasAttribute('data-outcome')) show('', '');
  const pending = setTimeout(() => {
    setBusy(true);
    show('pending', `Asking Epic to sign out (${option.value})…`);
  }, ANSWER_GRACE_MS);
  try {
    performance.mark('esk:request');
    // As the project sends it: no redirect followed, and no cookie of
    // Epic's with the token (SECURITY.md).
    const response = await fetch(
      'https://account-public-service-prod.ol.epicgames.com/account/api/oauth/sessions/kill?killType=' +
        option.value,
      { method: 'DELETE', headers: { Authorization: 'bearer ' + bearer }, redirect: 'manual', credentials: 'omit' }
    );
    performance.mark('esk:answer');
    if (response.status === 204) {
      show('success', option.dataset.done);
    } else {
      const e = await response.json().catch(() => ({}));
      const code = e.errorCode ? ` ${e.errorCode} (${e.numericErrorCode})` : '';
      show('error', `HTTP ${response.status}${code}: ${e.errorMessage || 'no details'}`.replaceAll(bearer, '[your token]'));
    }
  } catch (error) {
    show('error', `Could not reach Epic: ${error.message}`);
  }
  clearTimeout(pending);
  sending = false;
  setBusy(false);
}

function start(confirmed) {
  if (sending) return;
  let t = token.value.trim();
  if (/^bearer\s/i.test(t)) t = t.slice(6).trim();
  if (!/^[!-~]+$/.test(t)) {
    show('error', t ? 'The access token has spaces or other characters no token contains.' : 'No access token: paste your current Epic access token.');
    return;
  }
  const option = select.selectedOptions[0];
  if (!confirmed && option.value.startsWith('ALL')) {
    $('confirm-text').textContent = `${option.value}: ${option.dataset.description} The token in this popup stops working too.`;
    confirmBox.hidden = false;
    kill.disabled = true;
    // The same guard as the project's: Cancel first, Confirm after 500 ms.
    $('confirm').disabled = true;
    setTimeout(() => { $('confirm').disabled = false; }, 500);
    $('cancel').focus();
    return;
  }
  confirmBox.hidden = true;
  send(option, t);
}

select.addEventListener('change', describe);
// detail > 1 is the second click of a double click: one request only.
kill.addEventListener('click', (e) => e.detail > 1 || start(false));
$('confirm').addEventListener('click', (e) => e.detail > 1 || start(true));
$('cancel').addEventListener('click', () => {
  confirmBox.hidden = true;
  kill.disabled = false;
  show('', 'Cancelled: nothing was sent.');
});

describe();
setBusy(false);
show('', '');
document.documentElement.setAttribute('data-ready', 'true');
