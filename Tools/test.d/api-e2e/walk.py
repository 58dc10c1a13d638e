"""REST API walk-through against a live `passerelle demo` (Tools/test.d/80-api.sh).

An app (the demo's example app) gets an access token through the broker's CIBA endpoint, then does what a referent
does: INSi search of a persona, create the identity, confirm the returned traits (RECUP), add identity-document
evidence (QUAL), print the DataMatrix (PNG decoded by zxing-cpp), tag a PDF (rendered by pdftoppm at 300 dpi and
decoded), read the FHIR view, verify the audit chain. Refusals are checked as RFC 9457 problem documents.
Writes the access token to argv[1] for schemathesis.
"""

import io
import json
import os
import subprocess
import sys
import tempfile
import time

import requests
import zxingcpp
from PIL import Image

BROKER = os.environ["BROKER"]
CLIENT = (os.environ["CLIENT_ID"], os.environ["CLIENT_SECRET"])
FIXTURE_PDF = os.environ["FIXTURE_PDF"]
API = BROKER + "/api/v1"
SCOPES = "openid api:card api:insi api:identities api:datamatrix api:audit"
PERSONA = {"nomNaissance": "ADRTROIS", "prenoms": "DOMINIQUE", "sexe": "F", "naissance": "1997-02-26",
           "lieuNaissance": "2A020"}


def fail(message):
    print("80-api: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)
    print("  ok  " + message)


def problem(response, status, code_prefix=""):
    check(response.status_code == status, f"{response.request.method} {response.request.path_url} -> {status}")
    check(response.headers.get("Content-Type", "").startswith("application/problem+json"),
          f"  {status} is application/problem+json")
    body = response.json()
    for member in ("type", "title", "status", "detail", "code", "technicalDetail"):
        check(member in body, f"  problem has {member}")
    check(body["status"] == status, "  problem status matches")
    check(body["code"].startswith(code_prefix), f"  problem code {body['code']} starts with {code_prefix!r}")
    check(body["title"] != body["technicalDetail"] and body["title"] == body["detail"],
          f"  title for people, apart from the technical detail: {body['title']}")
    return body


def token():
    started = requests.post(BROKER + "/oidc/ciba", auth=CLIENT, data={"scope": SCOPES})
    check(started.status_code == 200, f"CIBA started ({started.status_code} {started.text[:200]})")
    request_id = started.json()["auth_req_id"]
    interval = started.json().get("interval", 1)
    deadline = time.time() + 60
    while time.time() < deadline:
        time.sleep(interval)
        answer = requests.post(BROKER + "/oidc/token", auth=CLIENT, data={
            "grant_type": "urn:openid:params:grant-type:ciba", "auth_req_id": request_id})
        body = answer.json()
        if answer.status_code == 200:
            check("access_token" in body and "id_token" in body, "CIBA approved: access and ID tokens")
            return body["access_token"]
        if body.get("error") == "slow_down":
            interval += 1
        elif body.get("error") != "authorization_pending":
            fail(f"CIBA token: {answer.status_code} {body}")
    fail("CIBA not approved within 60 s")


def decode_png(data):
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(data)))
    matrices = [r for r in results if r.format == zxingcpp.BarcodeFormat.DataMatrix]
    check(len(matrices) == 1, "one DataMatrix in the image")
    return matrices[0]


def main():
    access = token()
    with open(sys.argv[1], "w") as out:
        out.write(access)
    auth = {"Authorization": "Bearer " + access}

    session = requests.get(API + "/session", headers=auth)
    check(session.status_code == 200 and session.json()["subject"] == "899700000013",
          "session: SubjectNameID of the card holder")
    card = requests.get(API + "/card", headers=auth)
    check(card.status_code == 200 and card.json()["state"] == "present", "card present")
    check(card.headers.get("X-Request-Id"), "X-Request-Id header")

    # Refusals: RFC 9457 problem documents, French for people.
    problem(requests.get(API + "/identities/" + "0" * 8), 401, "broker.unauthorized")
    problem(requests.post(API + "/identities", headers={**auth, "Content-Type": "application/json"},
                          data="{not json"), 400, "api.invalid-body")
    problem(requests.post(API + "/identities", headers={**auth, "Content-Type": "text/plain"}, data="x"),
            415, "broker.unsupported-media-type")
    problem(requests.get(API + "/identities/not-a-uuid", headers=auth), 400, "api.invalid-parameter")
    problem(requests.get(API + "/identities/00000000-0000-0000-0000-000000000000", headers=auth), 404)
    problem(requests.post(API + "/insi/search", headers=auth,
                          json={**PERSONA, "nomNaissance": "DUP@NT"}), 400)

    search = requests.post(API + "/insi/search", headers=auth, json=PERSONA)
    check(search.status_code == 200, f"INSi search ({search.status_code} {search.text[:300]})")
    result = search.json()
    check(result["result"] == "found" and result["individu"]["keyValid"], "INSi found ADRTROIS DOMINIQUE")
    check(result["individu"]["matricule"] == "297022A02077878", "matricule as returned by INSi")
    check(len(result["calls"]) >= 1 and result["calls"][-1]["cr"] == "00", "the calls are traced")

    created = requests.post(API + "/identities", headers=auth, json={"traits": PERSONA, "nomUtilise": "ADRTROIS"})
    check(created.status_code == 201 and created.json()["status"] == "PROV", "identity created PROV")
    identity = created.json()["id"]
    check(created.headers.get("Location", "").endswith(identity), "Location header")
    base = f"{API}/identities/{identity}"

    problem(requests.get(base + "/label", headers=auth), 409, "api.identity-not-qualified")
    problem(requests.post(base + "/verification", headers=auth), 409, "api.identity-without-ins")
    problem(requests.post(API + "/identities", headers=auth, json=[1, 2]), 400, "api.invalid-body")
    unconfirmed = requests.post(base + "/insi", headers=auth,
                                json={"searchId": result["searchId"], "confirmTraits": False})
    problem(unconfirmed, 409, "store.traits-not-confirmed")
    attached = requests.post(base + "/insi", headers=auth, json={"searchId": result["searchId"], "confirmTraits": True})
    check(attached.status_code == 200 and attached.json()["status"] == "RECUP", "traits confirmed: RECUP")
    check(attached.json()["ins"]["matricule"] == "297022A02077878", "INS stored")

    kinds = requests.get(API + "/evidence-kinds", headers=auth).json()["kinds"]
    check(any(k["id"] == "cni" and k["highTrust"] for k in kinds), "evidence kinds listed")
    qualified = requests.post(base + "/evidence", headers=auth,
                              json={"kind": "cni", "documentReference": "CNI 123456", "note": "vue au guichet"})
    check(qualified.status_code == 200 and qualified.json()["status"] == "QUAL", "evidence: QUAL")

    payload = requests.get(base + "/datamatrix/payload", headers=auth).json()["payload"]
    check(payload.startswith("IS01") and "\x1d" in payload and "297022A02077878" in payload, "payload built")
    png = requests.get(base + "/datamatrix/png?scale=6", headers=auth)
    check(png.status_code == 200 and png.headers["Content-Type"] == "image/png", "PNG served")
    decoded = decode_png(png.content)
    check(decoded.bytes.decode() == payload, "zxing-cpp reads the PNG as the payload bytes (GS kept)")
    check(decoded.symbology_identifier == "]d1", "symbology ]d1 (ECC 200, GS1 off)")
    svg = requests.get(base + "/datamatrix/svg", headers=auth)
    check(svg.status_code == 200 and "<svg" in svg.text[:300] and svg.headers["Content-Type"] == "image/svg+xml", "SVG served")
    label = requests.get(base + "/label", headers=auth)
    check(label.status_code == 200 and label.content.startswith(b"%PDF-"), "label PDF served")

    with open(FIXTURE_PDF, "rb") as source:
        original = source.read()
    tagged = requests.post(base + "/tagged-document", headers={**auth, "Content-Type": "application/pdf"},
                           data=original)
    check(tagged.status_code == 200 and tagged.content.startswith(original), "tagged PDF is an incremental update")
    problem(requests.post(base + "/tagged-document", headers={**auth, "Content-Type": "application/pdf"},
                          data=b"not a pdf"), 422)
    problem(requests.post(base + "/tagged-document", headers={**auth, "Content-Type": "application/pdf"},
                          data=b"%PDF-1.7\n" + b"0" * (21 * 1024 * 1024)), 413, "api.document-too-large")
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "tagged.pdf")
        with open(path, "wb") as out:
            out.write(tagged.content)
        subprocess.run(["qpdf", "--check", path], check=True, stdout=subprocess.DEVNULL)
        check(True, "qpdf --check passes on the tagged PDF")
        subprocess.run(["pdftoppm", "-r", "300", "-f", "1", "-l", "1", "-png", path, os.path.join(work, "page")],
                       check=True)
        page = [f for f in os.listdir(work) if f.startswith("page")][0]
        with open(os.path.join(work, page), "rb") as image:
            check(decode_png(image.read()).bytes.decode() == payload, "the rendered tagged page decodes to the payload")

    verification = requests.post(base + "/verification", headers=auth)
    check(verification.status_code == 200 and verification.json()["ok"] and not verification.json()["differences"],
          f"INSi verification OK ({verification.status_code})")
    check(verification.json()["identity"]["status"] == "QUAL", "verification OK keeps QUAL")

    fhir = requests.get(base + "/fhir", headers=auth)
    check(fhir.status_code == 200 and fhir.headers["Content-Type"].startswith("application/fhir+json"), "FHIR view")
    text = fhir.text
    check("297022A02077878" in text and "QUAL" in text, "FHIR view carries the INS and status QUAL")
    check("recordTarget" in requests.get(base + "/cda", headers=auth).text, "CDA view")
    check(requests.get(base + "/hl7v2", headers=auth).text.startswith("PID|"), "HL7 v2 view")
    history = requests.get(base + "/history", headers=auth).json()
    check([c["to"] for c in history["statusChanges"]][-2:] == ["RECUP", "QUAL"], "history: RECUP then QUAL")
    check(history["insiCalls"] and history["insiCalls"][0]["messageId"].startswith("uuid:"), "history: INSi call")
    found = requests.get(API + "/identities", headers=auth, params={"matricule": "297022A02077878"}).json()
    check(identity in [i["id"] for i in found["identities"]], "search by matricule")
    duplicates = requests.get(base + "/duplicates", headers=auth)
    check(duplicates.status_code == 200 and "candidates" in duplicates.json(), "probable duplicates")
    audit = requests.get(API + "/audit/verification", headers=auth).json()
    check(audit["intact"] and audit["eventsChecked"] >= 4, "audit chain intact")

    metrics = requests.get(BROKER + "/metrics").text
    for name in ("passerelle_api_request_duration_seconds", "passerelle_insi_calls_total",
                 "passerelle_logins_total"):
        check(name in metrics, f"metric {name}")
    check("297022A02077878" not in metrics and access not in metrics, "no personal data or token in metrics")
    print("80-api: walk-through passed")


if __name__ == "__main__":
    main()
