/* Load synchronously in <head> (tiny, same-origin => CSP-friendly). Marks that JS runs. */
document.documentElement.classList.replace("no-js", "js");
