// The public translation form: keep every field as it is typed, in this browser (localStorage) and in the
// visitor's session (a small POST), so a dropped connection or a closed tab loses nothing. Without this script the
// form still works: "Save my draft" keeps the fields in the session.
(function () {
  "use strict";
  var STORE = "community-translation:";

  function store(name) {
    try { return JSON.parse(window.localStorage.getItem(STORE + name) || "{}"); } catch (e) { return {}; }
  }
  function keep(name, values) {
    try { window.localStorage.setItem(STORE + name, JSON.stringify(values)); } catch (e) { /* storage full or off */ }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var sent = document.querySelector("[data-community-sent]");
    if (sent) {
      try { window.localStorage.removeItem(STORE + sent.getAttribute("data-community-sent")); } catch (e) { /* off */ }
      return;
    }
    var form = document.querySelector("form[data-draft-url]");
    if (!form) return;
    var name = form.getAttribute("data-draft-name");
    var status = form.querySelector("[data-draft-status]");
    var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    var fields = form.querySelectorAll("textarea[name^='s_']");
    var saved = store(name);
    var pending = {};
    var timer = null;

    fields.forEach(function (field) {
      if (!field.value && saved[field.name]) field.value = saved[field.name];
      field.addEventListener("input", function () {
        saved[field.name] = field.value;
        keep(name, saved);
        pending[field.name] = field.value;
        window.clearTimeout(timer);
        timer = window.setTimeout(flush, 800);
      });
    });

    function flush() {
      var body = new URLSearchParams(pending);
      pending = {};
      fetch(form.getAttribute("data-draft-url"), {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": token }
      }).then(function (response) {
        if (response.ok && status) status.textContent = form.getAttribute("data-saved-text") || "";
      }).catch(function () { /* offline: the text stays in this browser and is sent with the form */ });
    }
  });
})();
