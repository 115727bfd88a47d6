<nav class="subnav" aria-label="<?cs var:Lang.Review.nav ?>">
  <a href="/review/"<?cs if:Nav.active == "home" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_home ?></a>
  <a href="/review/queue"<?cs if:Nav.active == "queue" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_queue ?></a>
  <a href="/review/completeness"<?cs if:Nav.active == "completeness" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_completeness ?></a>
  <a href="/review/periods"<?cs if:Nav.active == "periods" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_periods ?></a>
  <a href="/review/indicators"<?cs if:Nav.active == "indicators" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_indicators ?></a>
  <a href="/review/units"<?cs if:Nav.active == "units" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_units ?></a>
  <?cs if:Nav.users == 1 ?><a href="/review/users"<?cs if:Nav.active == "users" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_users ?></a><?cs /if ?>
  <a href="/review/audit"<?cs if:Nav.active == "audit" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Review.nav_audit ?></a>
</nav>
