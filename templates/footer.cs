</main>
<footer class="bottom"><?cs var:Lang.footer ?></footer>
</body>
</html>
