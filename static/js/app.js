// Progressive enhancements only: every page works without this file.
document.addEventListener("htmx:afterSettle", (event) => {
  // After a block is redrawn, keep keyboard users where they were: in the
  // add form when it stayed open, else on the block's heading.
  const target = event.detail.elt;
  if (!target || !target.matches || !target.matches(".block")) return;
  const addText = target.querySelector("details.add-card[open] textarea");
  const heading = target.querySelector(".block__title");
  if (addText) {
    addText.focus();
  } else if (heading) {
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  }
});
