"""Evidence attachments: upload (type from the content, size limit, per-unit
quota, cleaned names), download by the owner's unit and by the working group
(always as an attachment, nosniff), soft delete only while the form is
editable, CSRF, and nothing stored from a refused upload (no row, no file).

Own users ev.* (units P-NGOQUYEN, P-HAIAN, P-KIENAN; the working group in
S-KHCN); own periods in 2036-2037.  Re-runnable: each test starts from a
fresh period and removes the evidence (rows and files) of its periods."""

import hashlib
import io
import os
import re
import struct
import urllib.parse
import zipfile
import zlib

from egov import (VAR, Client, check, complete_values, ensure_period, ensure_user, run, secrets, sql, sql_as,
                  test)

PW = "password123"
UNIT = "P-NGOQUYEN"
OTHER = "P-HAIAN"
QUOTA_UNIT = "P-KIENAN"
EV_DIR = os.path.join(VAR, "evidence")
MAX_BYTES = 10485760


def conf(key, default):
    with open(os.path.join(VAR, "egov.conf")) as f:
        for line in f:
            k, _, v = line.partition("=")
            if k.strip() == key:
                return v.strip()
    return default


# ---- tiny valid files ----

PDF = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
       b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
       b"trailer << /Root 1 0 R >>\n%%EOF\n")


def png():
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def zipped(entries, first_stored=None):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        if first_stored:
            z.writestr(zipfile.ZipInfo(first_stored[0]), first_stored[1], compress_type=zipfile.ZIP_STORED)
        for name, data in entries:
            z.writestr(name, data)
    return out.getvalue()


CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
      'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')


def docx(extra=()):
    return zipped([("[Content_Types].xml", CT),
                   ("_rels/.rels", "<Relationships/>"),
                   ("word/document.xml", "<w:document/>")] + list(extra))


def odt():
    return zipped([("content.xml", "<office:document-content/>"), ("META-INF/manifest.xml", "<m/>")],
                  first_stored=("mimetype", "application/vnd.oasis.opendocument.text"))


HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>\n"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>\n'
MIME = {"pdf": "application/pdf", "png": "image/png",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "odt": "application/vnd.oasis.opendocument.text"}


# ---- helpers ----

def browser_name(name):
    """A file name as browsers put it in a multipart body (HTML's form
    encoding): CR, LF and double quotes escaped."""
    return name.replace("\r", "%0D").replace("\n", "%0A").replace('"', "%22")


def multipart(fields, files, raw_filename=None):
    """A multipart/form-data body, as a browser builds it.  files: (field,
    filename, bytes, ctype); raw_filename: bytes put verbatim between the
    quotes of the first file's filename (what a browser never sends)."""
    boundary = "----evtest%s" % os.urandom(8).hex()
    out = io.BytesIO()
    for k, v in fields.items():
        out.write(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                   % (boundary, k, v)).encode("utf-8"))
    for i, (field, filename, data, ctype) in enumerate(files):
        fn = raw_filename if (i == 0 and raw_filename is not None) else browser_name(filename).encode("utf-8")
        out.write(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\""
                   % (boundary, field)).encode("utf-8") + fn +
                  ("\"\r\nContent-Type: %s\r\n\r\n" % ctype).encode("utf-8"))
        out.write(data + b"\r\n")
    out.write(("--%s--\r\n" % boundary).encode("utf-8"))
    return out.getvalue(), "multipart/form-data; boundary=%s" % boundary


def upload(c, pid, filename, data, indicator="", csrf=True, ctype="application/pdf",
           raw_filename=None, token=None):
    fields = {"period": str(pid), "indicator": indicator}
    if csrf:
        fields = dict(csrf=token or c.token(), **fields)
    body, ct = multipart(fields, [("file", filename, data, ctype)], raw_filename)
    return c.request("POST", "/report/evidence", body=body, headers={"Content-Type": ct}, raw=True)


def delete(c, ev_id, pid, csrf=True):
    data = {"id": str(ev_id)}
    if csrf:
        data["csrf"] = c.token()
    return c.post("/report/evidence-delete", data)


def unit_id(code):
    return int(sql("SELECT id FROM unit WHERE code = '%s'" % code)[0][0])


def login(user, unit, roles="officer"):
    ensure_user(user, unit, roles=roles, password=PW)
    return Client().login_ok(user, PW)


def files_on_disk():
    return set(os.listdir(EV_DIR))


def rows(pid, unit=UNIT, deleted=None):
    where = "" if deleted is None else " AND e.deleted = %d" % deleted
    return sql("SELECT e.id, e.original_name, e.content_type, e.size_bytes, e.sha256, e.stored_name, "
               "COALESCE(e.indicator_id, 0), e.deleted FROM evidence e "
               "JOIN submission s ON s.id = e.submission_id WHERE s.period_id = %d AND e.unit_id = %d%s "
               "ORDER BY e.id" % (pid, unit_id(unit), where))


def forget_evidence(where):
    for (stored,) in sql("SELECT stored_name FROM evidence e WHERE " + where):
        try:
            os.remove(os.path.join(EV_DIR, stored))
        except FileNotFoundError:
            pass
    sql("DELETE e FROM evidence e WHERE " + where)


def fresh_period(year, seq):
    """ensure_period, after removing the period's evidence (its rows would
    keep the submissions it deletes)."""
    pid = sql("SELECT id FROM period WHERE kind = 'Q' AND year = %d AND seq = %d" % (year, seq))
    if pid:
        forget_evidence("e.submission_id IN (SELECT id FROM submission WHERE period_id = %s)" % pid[0][0])
    return ensure_period("Q", year, seq)


def first_code(c, pid):
    page = c.get("/report/form?period=%d" % pid)
    select = page.text[page.text.find('id="ev-indicator"'):]
    codes = re.findall(r'<option value="([A-Z][A-Z0-9-]*)">', select[:select.find("</select>")])
    check(codes, "no indicator offered in the evidence form")
    return codes[0]


def refused(r, status, text):
    check(r.status == status, "expected %d, got %d: %s" % (status, r.status, r.text[:300]))
    check(text in r.text, "message %r not in the answer: %s" % (text, r.text[:600]))


# ---- tests ----

@test
def upload_pdf_png_docx_odt_and_download_by_owner():
    pid = fresh_period(2036, 1)
    c = login("ev.ngoquyen", UNIT)
    code = first_code(c, pid)
    files = [("Báo cáo quý 1 \"2036\".pdf", PDF, "", "pdf"),
             ("so-do.png", png(), code, "png"),
             ("Kế hoạch.docx", docx(), "", "docx"),
             ("bien ban", odt(), code, "odt")]
    before = files_on_disk()
    for name, data, ind, _ in files:
        r = upload(c, pid, name, data, indicator=ind, ctype="application/octet-stream")
        check(r.status == 303, "upload %s: %d %s" % (name, r.status, r.text[:300]))
        check(r.header("Location") == "/report/form?period=%d&ev=added#evidence" % pid, r.header("Location"))
    got = rows(pid)
    check(len(got) == 4, "rows: %r" % got)
    # a draft submission was created for the evidence
    sub = sql("SELECT status, version FROM submission WHERE period_id = %d AND unit_id = %d" % (pid, unit_id(UNIT)))
    check(sub == [["draft", "1"]], "submission: %r" % sub)
    expect_names = ["Báo cáo quý 1 2036.pdf", "so-do.png", "Kế hoạch.docx", "bien ban.odt"]
    new_files = files_on_disk() - before
    check(len(new_files) == 4 and all(re.fullmatch(r"[0-9a-f]{64}", f) for f in new_files),
          "files on disk: %r" % new_files)
    page = c.get("/report/form?period=%d&ev=added" % pid)
    check('id="ev-flash"' in page.text, "no upload confirmation")
    check('id="evm_%s"' % code in page.text, "the indicator row is not marked as having evidence")
    check(re.search(r'id="evm_%s"[^>]*>[^<]*\(2\)' % re.escape(code), page.text), "mark without count 2")
    for (ev_id, name, ctype, size, sha, stored, ind, _), (_, data, want_ind, kind), want_name in zip(got, files, expect_names):
        check(name == want_name, "stored name %r, expected %r" % (name, want_name))
        check(ctype == MIME[kind], "content type %r for %s" % (ctype, kind))
        check(int(size) == len(data) and sha == hashlib.sha256(data).hexdigest(), "size or checksum of %s" % name)
        check(stored in new_files, "row's file %s missing" % stored)
        check(os.stat(os.path.join(EV_DIR, stored)).st_mode & 0o077 == 0, "file readable by others")
        check((int(ind) != 0) == bool(want_ind), "indicator of %s" % name)
        check(">%s</a>" % name.replace("&", "&amp;") in page.text, "%s not listed on the form" % name)
        d = c.get("/report/evidence?id=%s" % ev_id)
        check(d.status == 200, "download %s: %d" % (name, d.status))
        check(d.body == data, "downloaded bytes differ for %s" % name)
        check(d.header("Content-Type") == MIME[kind], "download type %r" % d.header("Content-Type"))
        check(d.header("X-Content-Type-Options") == "nosniff", "no nosniff")
        cd = d.header("Content-Disposition") or ""
        check(cd.startswith("attachment;"), "not an attachment: %r" % cd)
        check("filename*=UTF-8''" + urllib.parse.quote(name, safe="") in cd, "name not in %r" % cd)
        check(d.header("Cache-Control") == "no-store", "cacheable download")
    check(int(sql("SELECT COUNT(*) FROM audit WHERE action = 'evidence_add' AND entity = 'evidence' "
                  "AND entity_id = '%s'" % got[0][0])[0][0]) == 1, "upload not audited")
    check(int(sql("SELECT COUNT(*) FROM audit WHERE action = 'evidence_download' AND entity_id = '%s'"
                  % got[0][0])[0][0]) >= 1, "download not audited")


@test
def another_units_officer_gets_404_and_unknown_ids_too():
    pid = fresh_period(2036, 2)
    a = login("ev.ngoquyen", UNIT)
    b = login("ev.haian", OTHER)
    check(upload(a, pid, "a.pdf", PDF).status == 303, "upload failed")
    ev_id = rows(pid)[0][0]
    r = b.get("/report/evidence?id=%s" % ev_id)
    check(r.status == 404 and PDF not in r.body, "another unit's officer got %d" % r.status)
    check(a.get("/report/evidence?id=999999999").status == 404, "unknown id")
    check(a.get("/report/evidence").status == 400, "missing id")
    check(a.get("/report/evidence?id=abc").status == 400, "bad id")
    # nor can they delete it
    r = delete(b, ev_id, pid)
    check(r.status == 404, "delete by another unit: %d" % r.status)
    check(rows(pid, deleted=0) != [], "deleted by another unit")
    # an account without a unit sees nothing either
    n = login("ev.nounit", "-")
    check(n.get("/report/evidence?id=%s" % ev_id).status == 404, "account without unit")


@test
def working_group_downloads_any_units_evidence():
    pid = fresh_period(2036, 3)
    a = login("ev.ngoquyen", UNIT)
    data = docx()
    check(upload(a, pid, "ke-hoach.docx", data).status == 303, "upload failed")
    ev_id = rows(pid)[0][0]
    wg = login("ev.wg", "S-KHCN", roles="wg")
    r = wg.get("/review/evidence?id=%s" % ev_id)
    check(r.status == 200 and r.body == data, "working group download: %d" % r.status)
    check(r.header("Content-Type") == MIME["docx"], "type %r" % r.header("Content-Type"))
    check((r.header("Content-Disposition") or "").startswith("attachment;"), "not an attachment")
    check("ke-hoach.docx" in (r.header("Content-Disposition") or ""), "name missing")
    check(r.header("X-Content-Type-Options") == "nosniff", "no nosniff")
    check(wg.get("/review/evidence?id=999999999").status == 404, "unknown id")
    # officers cannot use the working group's door
    check(a.get("/review/evidence?id=%s" % ev_id).status == 403, "officer reached /review/evidence")
    # deleted evidence is gone for everybody
    check(delete(a, ev_id, pid).status == 303, "delete failed")
    check(wg.get("/review/evidence?id=%s" % ev_id).status == 404, "deleted evidence still served")


@test
def over_the_size_limit_is_413_and_nothing_stored():
    pid = fresh_period(2036, 4)
    c = login("ev.ngoquyen", UNIT)
    limit = int(conf("evidence_max_bytes", MAX_BYTES))
    before = files_on_disk()
    big = PDF + b"0" * (limit + 1 - len(PDF))
    r = upload(c, pid, "lon.pdf", big)
    refused(r, 413, "Tệp quá lớn")
    check("%d MB" % (limit // 1048576) in r.text, "the limit is not shown")
    check(rows(pid) == [], "a row was stored")
    check(files_on_disk() == before, "a file was left in evidence_dir")
    # exactly at the limit is fine
    r = upload(c, pid, "vua.pdf", big[:limit])
    check(r.status == 303, "a file at the limit: %d" % r.status)


@test
def per_unit_quota_exceeded_is_refused_with_a_clear_message():
    pid = fresh_period(2037, 1)
    uid = unit_id(QUOTA_UNIT)
    forget_evidence("e.unit_id = %d" % uid)
    c = login("ev.kienan", QUOTA_UNIT)
    quota = int(conf("evidence_quota_bytes", 209715200))
    check(upload(c, pid, "dau.pdf", PDF).status == 303, "first upload failed")
    sub_id, user_id = sql("SELECT s.id, s.created_by FROM submission s WHERE s.period_id = %d AND s.unit_id = %d"
                          % (pid, uid))[0]
    # fill the quota but for a few bytes, as if many files had been uploaded
    filler = quota - len(PDF) - 10
    sql("INSERT INTO evidence (submission_id, indicator_id, unit_id, stored_name, original_name, content_type, "
        "size_bytes, sha256, uploaded_by, uploaded_at) VALUES (%s, NULL, %d, '%s', 'filler.pdf', "
        "'application/pdf', %d, '%s', %s, UTC_TIMESTAMP())"
        % (sub_id, uid, os.urandom(32).hex(), filler, "0" * 64, user_id))
    try:
        before = files_on_disk()
        r = upload(c, pid, "them.pdf", PDF)
        refused(r, 422, "hết dung lượng")
        check(len(rows(pid, QUOTA_UNIT)) == 2, "a row was stored over the quota")
        check(files_on_disk() == before, "a file was left over the quota")
        # deleted files do not count: deleting the first one makes room
        first = rows(pid, QUOTA_UNIT)[0][0]
        check(delete(c, first, pid).status == 303, "delete failed")
        check(upload(c, pid, "them.pdf", PDF).status == 303, "upload after freeing room failed")
    finally:
        forget_evidence("e.unit_id = %d AND e.original_name = 'filler.pdf'" % uid)


@test
def content_not_matching_an_accepted_type_is_refused():
    pid = fresh_period(2036, 1)
    c = login("ev.ngoquyen", UNIT)
    before_rows, before_files = rows(pid), files_on_disk()
    cases = [
        ("x.pdf", HTML, 422, "không thuộc các loại được nhận"),       # HTML named .pdf
        ("anh.png", SVG, 422, "không thuộc các loại được nhận"),      # SVG named .png
        ("run.pdf", b"#!/bin/sh\nrm -rf /\n", 422, "không thuộc các loại được nhận"),
        ("prog.pdf", b"MZ\x90\x00" + b"\x00" * 200, 422, "không thuộc các loại được nhận"),
        ("goi.zip", zipped([("a.txt", "x")]), 422, "Tệp nén ZIP"),
        ("goi.docx", zipped([("a.txt", "x")]), 422, "Tệp nén ZIP"),
        ("macro.docx", docx([("word/vbaProject.bin", "x")]), 422, "macro"),
        ("anh.pdf", png(), 422, "không khớp"),                        # a PNG named .pdf
        ("tai-lieu.exe", PDF, 422, "không khớp"),
        ("rong.pdf", b"", 422, "Tệp rỗng"),
    ]
    for name, data, status, text in cases:
        r = upload(c, pid, name, data, ctype="application/pdf")
        refused(r, status, text)
        check("Không có gì được lưu" in r.text, "no 'nothing stored' note for %s" % name)
    # no file chosen at all
    refused(upload(c, pid, "", b""), 422, "Chưa chọn tệp")
    check(rows(pid) == before_rows, "a refused file was stored")
    check(files_on_disk() == before_files, "a refused file was left in evidence_dir")


@test
def path_and_crlf_in_the_name_are_neutralised():
    pid = fresh_period(2036, 2)
    c = login("ev.ngoquyen", UNIT)
    # what a browser sends for a name with CR LF and quotes (HTML's form encoding)
    r = upload(c, pid, "../../etc/passwd\r\nX-Injected: 1\".pdf", PDF)
    check(r.status == 303, "upload: %d %s" % (r.status, r.text[:200]))
    check(r.header("X-Injected") is None, "header injected into the upload answer")
    # a Windows path
    check(upload(c, pid, "C:\\Users\\cb\\..\\Desktop\\bien ban.pdf", PDF).status == 303, "windows path")
    # nothing but dots and slashes
    check(upload(c, pid, "../../..", PDF).status == 303, "dots only")
    got = rows(pid)
    names = [g[1] for g in got]
    check(names == ["passwdX-Injected: 1.pdf", "bien ban.pdf", "tai-lieu.pdf"], "names: %r" % names)
    for ev_id in (g[0] for g in got):
        d = c.get("/report/evidence?id=%s" % ev_id)
        check(d.status == 200 and d.body == PDF, "download %s" % ev_id)
        check(d.header("X-Injected") is None, "header injected into the download")
        cds = d.headers_all("Content-Disposition")
        check(len(cds) == 1 and "\r" not in cds[0] and "\n" not in cds[0], "disposition: %r" % cds)
        check("/" not in cds[0] and ".." not in cds[0].replace("...", ""), "path in disposition %r" % cds[0])
    # a raw CR LF inside the quoted name (no browser sends it): refused, nothing stored
    before = files_on_disk()
    r = upload(c, pid, None, PDF, raw_filename=b"../../etc/passwd\r\nX-Injected: 1.pdf")
    check(r.status in (400, 422), "raw CRLF name: %d" % r.status)
    check(r.header("X-Injected") is None, "header injected")
    check(len(rows(pid)) == 3 and files_on_disk() == before, "something was stored")
    # the stored names are plain text in the page, never markup
    check(upload(c, pid, "<img src=x onerror=alert(1)>.pdf", PDF).status == 303, "markup name")
    page = c.get("/report/form?period=%d" % pid)
    check("<img src=x" not in page.text and "&lt;img src=x onerror=alert(1)&gt;.pdf" in page.text,
          "name not escaped in the page")


@test
def long_names_keep_200_characters_and_downloads_keep_the_extension():
    pid = fresh_period(2036, 4)
    c = login("ev.ngoquyen", UNIT)
    name = "Đề xuất ứng dụng chuyển đổi số ở phường " * 8 + ".pdf"
    check(upload(c, pid, name, PDF).status == 303, "upload failed")
    ev_id, kept = rows(pid)[-1][:2]
    check(len(kept) == 200 and kept.endswith(".pdf") and kept.startswith("Đề xuất"), "kept name %r" % kept)
    d = c.get("/report/evidence?id=%s" % ev_id)
    cd = d.header("Content-Disposition") or ""
    offered = urllib.parse.unquote(cd.split("filename*=UTF-8''", 1)[1], errors="strict")
    check(offered.endswith(".pdf") and kept.startswith(offered[:-4]), "offered %r" % offered)
    ascii_name = re.search(r'filename="([^"]*)"', cd).group(1)
    check(ascii_name.endswith(".pdf"), "ASCII fallback %r" % ascii_name)


@test
def csrf_missing_or_wrong_is_403_and_nothing_stored():
    pid = fresh_period(2036, 3)
    c = login("ev.ngoquyen", UNIT)
    before = files_on_disk()
    r = upload(c, pid, "a.pdf", PDF, csrf=False)
    check(r.status == 403, "upload without a token: %d" % r.status)
    r = upload(c, pid, "a.pdf", PDF, token="0" * 64)
    check(r.status == 403, "upload with a wrong token: %d" % r.status)
    check(rows(pid) == [] and files_on_disk() == before, "stored without a token")
    check(upload(c, pid, "a.pdf", PDF).status == 303, "upload failed")
    ev_id = rows(pid)[0][0]
    check(delete(c, ev_id, pid, csrf=False).status == 403, "delete without a token")
    check(rows(pid, deleted=0) != [], "deleted without a token")
    # the token in the query string does not count
    tok = c.token()
    r = c.post("/report/evidence-delete?csrf=%s" % tok, {"id": ev_id})
    check(r.status == 403 and rows(pid, deleted=0) != [], "token from the URL accepted")
    # GET never deletes
    check(c.get("/report/evidence-delete?id=%s" % ev_id).status == 405, "GET on delete")


@test
def delete_and_upload_only_while_the_form_is_editable():
    pid = fresh_period(2037, 2)
    c = login("ev.ngoquyen", UNIT)
    uid = unit_id(UNIT)
    check(upload(c, pid, "mot.pdf", PDF).status == 303, "upload failed")
    check(upload(c, pid, "hai.pdf", PDF).status == 303, "upload failed")
    one, two = [g[0] for g in rows(pid)]
    r = delete(c, one, pid)
    check(r.status == 303 and r.header("Location") == "/report/form?period=%d&ev=deleted#evidence" % pid,
          "delete: %d %s" % (r.status, r.header("Location")))
    check([g[7] for g in rows(pid)] == ["1", "0"], "soft delete: %r" % rows(pid))
    check(c.get("/report/evidence?id=%s" % one).status == 404, "deleted file still served")
    page = c.get("/report/form?period=%d" % pid)
    check(">mot.pdf</a>" not in page.text and ">hai.pdf</a>" in page.text, "list after delete")
    check(delete(c, one, pid).status == 404, "deleting twice")
    check(int(sql("SELECT COUNT(*) FROM audit WHERE action = 'evidence_delete' AND entity_id = '%s'" % one)[0][0]) == 1,
          "delete not audited")
    # submitted: read-only
    page = c.get("/report/form?period=%d" % pid)
    data = complete_values(page)
    data.update({"csrf": page.csrf(), "version": page.field("version"), "action": "submit"})
    r = c.post("/report/form?period=%d" % pid, data)
    check(r.status == 303, "submit: %d" % r.status)
    refused(delete(c, two, pid), 409, "đã được gửi")
    before = files_on_disk()
    refused(upload(c, pid, "ba.pdf", PDF), 409, "đã được gửi")
    check(len(rows(pid)) == 2 and files_on_disk() == before, "stored after submit")
    page = c.get("/report/form?period=%d" % pid)
    check('action="/report/evidence"' not in page.text and "/report/evidence-delete" not in page.text,
          "read-only form still offers upload or delete")
    check(">hai.pdf</a>" in page.text, "read-only form does not list the evidence")
    check(c.get("/report/evidence?id=%s" % two).status == 200, "download after submit")
    # returned to the unit: editable again
    sql("UPDATE submission SET status = 'returned' WHERE period_id = %d AND unit_id = %d" % (pid, uid))
    check(delete(c, two, pid).status == 303, "delete on a returned form")
    # locked period, closed period
    check(upload(c, pid, "bon.pdf", PDF).status == 303, "upload on a returned form")
    four = rows(pid)[-1][0]
    sql("UPDATE period SET locked = 1 WHERE id = %d" % pid)
    refused(upload(c, pid, "nam.pdf", PDF), 403, "đã khóa")
    refused(delete(c, four, pid), 403, "đã khóa")
    sql("UPDATE period SET locked = 0, is_open = 0 WHERE id = %d" % pid)
    refused(upload(c, pid, "nam.pdf", PDF), 403, "chưa mở hoặc đã đóng")
    refused(delete(c, four, pid), 403, "chưa mở hoặc đã đóng")
    check([g[7] for g in rows(pid)][-1] == "0", "deleted in a closed period")
    sql("UPDATE period SET is_open = 1 WHERE id = %d" % pid)


@test
def indicator_must_belong_to_the_form():
    pid = fresh_period(2036, 4)
    c = login("ev.ngoquyen", UNIT)
    refused(upload(c, pid, "a.pdf", PDF, indicator="KHONG-CO"), 422, "không có trong báo cáo")
    check(rows(pid) == [], "stored for an unknown indicator")
    # a period the unit cannot see
    r = upload(c, 999999, "a.pdf", PDF)
    check(r.status == 404, "unknown period: %d" % r.status)



@test
def accounts_cannot_rewrite_or_remove_evidence_rows():
    pw = secrets()
    for stmt in ("UPDATE evidence SET original_name = 'x' WHERE id = 0",
                 "UPDATE evidence SET stored_name = 'x' WHERE id = 0",
                 "UPDATE evidence SET sha256 = 'x' WHERE id = 0",
                 "DELETE FROM evidence WHERE id = 0"):
        ok, _ = sql_as("egov_report", pw["REPORT_PW"], stmt)
        check(not ok, "egov_report may run: %s" % stmt)
    ok, _ = sql_as("egov_report", pw["REPORT_PW"], "UPDATE evidence SET deleted = 1 WHERE id = 0")
    check(ok, "egov_report cannot soft-delete")
    for stmt in ("UPDATE evidence SET deleted = 1 WHERE id = 0", "DELETE FROM evidence WHERE id = 0",
                 "INSERT INTO evidence (id) VALUES (0)"):
        ok, _ = sql_as("egov_review", pw["REVIEW_PW"], stmt)
        check(not ok, "egov_review may run: %s" % stmt)


run()
