// dossier: the only script. Toggles the display of removed page furniture in the reader.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("toggle-removed");
    var text = document.getElementById("text");
    if (!button || !text) { return; }
    button.addEventListener("click", function () {
      var hidden = text.classList.toggle("hide-removed");
      button.textContent = hidden ? "show removed text" : "hide removed text";
    });
  });
}());
