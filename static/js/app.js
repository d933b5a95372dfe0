// Progressive enhancements only: every page works without this file.
document.addEventListener("htmx:afterSettle", (event) => {
  // Keep keyboard users where they were: in an add form that has just opened or
  // stayed open, else on the heading of a block that was redrawn.
  const target = event.detail.elt;
  if (!target || !target.matches) return;
  const addText = target.querySelector(".add-card textarea");
  if (addText && (target.matches(".add-card") || target.matches(".block"))) {
    addText.focus();
    return;
  }
  if (target.matches(".block")) {
    const heading = target.querySelector(".block__title");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
  }
});
