// sinodesk keyboard shortcuts (no framework; loaded as a file so the Content-Security-Policy allows it).
// "/" focuses the search box; j / k move between the items of a list (links marked data-nav);
// n / p follow the next / previous page links; "g s" goes to search, "g e" to events.
(function () {
  "use strict";
  var pendingG = false;

  function typing(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  function move(step) {
    var items = Array.prototype.slice.call(document.querySelectorAll("[data-nav]"));
    if (!items.length) return;
    var i = items.indexOf(document.activeElement);
    var next = i < 0 ? (step > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, i + step));
    items[next].focus();
    items[next].scrollIntoView({ block: "nearest" });
  }

  function follow(rel) {
    var a = document.querySelector('a[rel="' + rel + '"]');
    if (a) a.click();
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (typing(ev.target)) {
      if (ev.key === "Escape") ev.target.blur();
      return;
    }
    if (pendingG) {
      pendingG = false;
      if (ev.key === "s") { window.location.href = "/search"; ev.preventDefault(); }
      else if (ev.key === "e") { window.location.href = "/events"; ev.preventDefault(); }
      return;
    }
    switch (ev.key) {
      case "/": {
        var q = document.getElementById("q");
        if (q) { q.focus(); q.select(); ev.preventDefault(); }
        else { window.location.href = "/search"; }
        break;
      }
      case "j": move(1); ev.preventDefault(); break;
      case "k": move(-1); ev.preventDefault(); break;
      case "n": follow("next"); break;
      case "p": follow("prev"); break;
      case "g": pendingG = true; break;
    }
  });
})();
