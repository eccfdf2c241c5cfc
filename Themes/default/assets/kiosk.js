// Kiosk default theme: small enhancements; everything works without this file.
(function () {
  "use strict";
  // Teaser cards expand with <details>. Add a "Show less" button at the end of the opening
  // and bring the card back into view when it collapses, so readers keep their place.
  function enhance(details) {
    var opening = details.querySelector(".teaser-opening");
    if (!opening || opening.querySelector(".show-less")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "show-less";
    button.textContent = "Show less";
    button.addEventListener("click", function () {
      details.open = false;
      var summary = details.querySelector("summary");
      if (summary) summary.focus();
      var card = details.closest(".teaser");
      if (card && card.getBoundingClientRect().top < 0) card.scrollIntoView({ block: "start" });
    });
    opening.appendChild(button);
    details.addEventListener("toggle", function () {
      var summary = details.querySelector("summary");
      if (summary) summary.setAttribute("aria-expanded", details.open ? "true" : "false");
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("details.teaser-more").forEach(enhance);
  });
})();
