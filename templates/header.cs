<!doctype html>
<html lang="<?cs var:Page.lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs if:Page.title ?><?cs var:Page.title ?> – <?cs /if ?><?cs var:Lang.app_name ?></title>
<link rel="stylesheet" href="/static/style.css">
<?cs each:css = Page.css ?><link rel="stylesheet" href="/static/<?cs var:css ?>">
<?cs /each ?></head>
<body>
<a class="skip" href="#main"><?cs var:Lang.skip_to_content ?></a>
<header class="top">
  <div class="brand"><a href="/"><?cs var:Lang.app_name ?></a><span class="org"><?cs var:Lang.org_name ?></span></div>
  <?cs if:User.login ?>
  <nav class="user" aria-label="<?cs var:Lang.account ?>">
    <span class="who"><?cs var:User.name ?><?cs if:User.unit ?> · <?cs var:User.unit ?><?cs /if ?></span>
    <form method="post" action="/logout" class="inline">
      <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
      <button type="submit" class="link"><?cs var:Lang.logout ?></button>
    </form>
  </nav>
  <?cs /if ?>
</header>
<main id="main">
