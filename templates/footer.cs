</main>
<footer class="bottom"><?cs var:Lang.footer ?>
  <nav aria-label="Language / Ngôn ngữ" class="langs"><a href="/lang?l=vi" lang="vi">Tiếng Việt</a> · <a href="/lang?l=en" lang="en">English</a></nav>
</footer>
</body>
</html>
