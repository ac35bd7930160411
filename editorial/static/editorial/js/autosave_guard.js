// Wagtail's autosave saves a draft and nothing more (editorial/autosave_guard.py says why).
// Once the edit form is on its way with an action (Publish, Submit, Approve...), no autosave starts: its request
// would race the real one. Any other autosave leaves the action fields out.
(() => {
  // The action fields, from editorial/autosave_guard.py (the script tag's data attribute).
  const ACTION_FIELDS = document.currentScript.dataset.actionFields.split(" ");
  let submitted = false;

  // Last in the bubbling order, so a submission another handler cancelled does not count.
  window.addEventListener("submit", (event) => {
    if (!event.defaultPrevented && event.target.matches("[data-edit-form]")) submitted = true;
  });

  document.addEventListener(
    "w-autosave:save",
    (event) => {
      const form = event.target;
      // Wagtail's workflow buttons add this hidden input just before they submit the form (some through jQuery,
      // which fires no submit event).
      const actionUnderway = form.querySelector("input[type=hidden][name='action-workflow-action']");
      if (submitted || actionUnderway) {
        event.preventDefault();
        return;
      }
      const formData = event.detail && event.detail.formData;
      if (formData) ACTION_FIELDS.forEach((name) => formData.delete(name));
    },
    true,
  );
})();
