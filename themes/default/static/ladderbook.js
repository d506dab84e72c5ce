// ladderbook: small progressive enhancements shared by every page.
// The site works without this file; it only adds conveniences.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Interview kits: print a single interview on as few pages as possible.
  document.querySelectorAll("button.print-one").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var article = document.getElementById(button.dataset.interview);
      if (!article) return;
      document.body.classList.add("print-one-interview");
      article.classList.add("printing");
      var done = function () {
        document.body.classList.remove("print-one-interview");
        article.classList.remove("printing");
        window.removeEventListener("afterprint", done);
      };
      window.addEventListener("afterprint", done);
      window.print();
    });
  });
})();
