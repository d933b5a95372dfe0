// Progressive enhancements only: every page works without this file.
document.addEventListener("htmx:afterSettle", (event) => {
  // After a block is redrawn, keep keyboard users where they were.
  const target = event.detail.elt;
  if (target && target.matches && target.matches(".block")) {
    const heading = target.querySelector(".block__title");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
  }
});
