<?cs set:Page.title = Lang.home_title ?><?cs include:"header.cs" ?>
<h1><?cs var:Lang.home_title ?></h1>
<p><?cs var:Lang.home_no_program ?></p>
<?cs include:"footer.cs" ?>
