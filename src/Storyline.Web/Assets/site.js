// Storyline reader: keyboard shortcuts (as in Miniflux: j/k next/previous, o open, / search, ? help) and reactions
// without a page load. Everything works without this script; it only adds speed.
(function () {
  "use strict";
  var selected = -1;

  function items() { return Array.prototype.slice.call(document.querySelectorAll("[data-item]")); }

  function select(index) {
    var all = items();
    if (all.length === 0) { return; }
    index = Math.max(0, Math.min(all.length - 1, index));
    if (selected >= 0 && all[selected]) { all[selected].classList.remove("selected"); }
    selected = index;
    all[index].classList.add("selected");
    all[index].scrollIntoView({ block: "nearest" });
  }

  function open() {
    var all = items();
    if (selected < 0 || !all[selected]) { return; }
    var link = all[selected].querySelector("a.open") || all[selected].querySelector("a[href]");
    if (link) { window.location.href = link.href; }
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var help = document.getElementById("help");
    switch (event.key) {
      case "j": select(selected + 1); break;
      case "k": select(selected - 1); break;
      case "o": case "Enter": if (selected < 0) { return; } open(); break;
      case "/": var search = document.getElementById("q"); if (search) { search.focus(); } break;
      case "?": if (help) { help.hidden = !help.hidden; } break;
      case "Escape": if (help) { help.hidden = true; } return;
      default: return;
    }
    event.preventDefault();
  });

  function react(form, button) {
    var api = form.getAttribute("data-api");
    if (!api || !window.fetch) { return false; }
    fetch(api, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ reaction: button.value })
    }).then(function (response) {
      if (!response.ok) { throw new Error("reaction refused: " + response.status); }
      return response.json();
    }).then(function (result) {
      form.querySelectorAll("button[name=reaction]").forEach(function (other) {
        var mine = other.value === result.reaction;
        other.classList.toggle("mine", mine);
        other.setAttribute("aria-pressed", mine ? "true" : "false");
        var count = other.querySelector(".count");
        if (count && result.reactions && typeof result.reactions[other.value] === "number") {
          count.textContent = String(result.reactions[other.value]);
        }
      });
    }).catch(function () { if (form.requestSubmit) { form.requestSubmit(button); } });
    return true;
  }

  // Marks the page as handled by this script (tests wait for it before pressing keys).
  document.documentElement.setAttribute("data-keys", "on");

  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest(".reactions button[name=reaction]") : null;
    if (!button) { return; }
    if (react(button.form, button)) { event.preventDefault(); }
  });
})();
