"""API bench set-up against a running `passerelle demo`: an access token for the demo app (CIBA, approved by
psc-sim), then one QUAL identity made through the API as a referent would (INSi search of the persona ADRTROIS
DOMINIQUE, create, attach the INSi answer with the traits confirmed, identity-document evidence).
Standard library only. Prints `TOKEN IDENTITY-ID` on one line.

Usage: prepare.py BROKER-URL CLIENT-ID CLIENT-SECRET
"""

import base64
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

SCOPES = "openid api:insi api:identities api:datamatrix"
PERSONA = {"nomNaissance": "ADRTROIS", "prenoms": "DOMINIQUE", "sexe": "F", "naissance": "1997-02-26",
           "lieuNaissance": "2A020"}


def call(url, *, form=None, body=None, basic=None, bearer=None):
    headers = {}
    data = None
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if basic:
        headers["Authorization"] = "Basic " + base64.b64encode(":".join(basic).encode()).decode()
    if bearer:
        headers["Authorization"] = "Bearer " + bearer
    request = urllib.request.Request(url, data=data, headers=headers, method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read() or b"{}")
    except urllib.error.HTTPError as error:
        text = error.read()
        try:
            return error.code, json.loads(text)
        except ValueError:
            return error.code, {"raw": text.decode(errors="replace")}


def expect(status, body, wanted, what):
    if status != wanted:
        raise SystemExit(f"api bench: {what}: HTTP {status} {json.dumps(body)[:300]}")
    return body


def token(broker, client):
    body = expect(*call(broker + "/oidc/ciba", form={"scope": SCOPES}, basic=client), 200, "CIBA request")
    interval = body.get("interval", 1)
    deadline = time.time() + 60
    while time.time() < deadline:
        time.sleep(interval)
        status, answer = call(broker + "/oidc/token", basic=client, form={
            "grant_type": "urn:openid:params:grant-type:ciba", "auth_req_id": body["auth_req_id"]})
        if status == 200:
            return answer["access_token"]
        if answer.get("error") == "slow_down":
            interval += 1
        elif answer.get("error") != "authorization_pending":
            expect(status, answer, 200, "CIBA token")
    raise SystemExit("api bench: CIBA not approved within 60 s")


def qualified_identity(api, access):
    found = expect(*call(api + "/insi/search", body=PERSONA, bearer=access), 200, "INSi search")
    created = expect(*call(api + "/identities", body={"traits": PERSONA}, bearer=access), 201, "create")
    base = f"{api}/identities/{created['id']}"
    expect(*call(base + "/insi", body={"searchId": found["searchId"], "confirmTraits": True}, bearer=access),
           200, "attach INSi answer")
    qualified = expect(*call(base + "/evidence", body={"kind": "cni", "documentReference": "CNI BENCH"},
                             bearer=access), 200, "evidence")
    if qualified.get("status") != "QUAL":
        raise SystemExit(f"api bench: identity not qualified: {qualified.get('status')}")
    return created["id"]


def main():
    broker, client = sys.argv[1], (sys.argv[2], sys.argv[3])
    access = token(broker, client)
    print(access, qualified_identity(broker + "/api/v1", access))


if __name__ == "__main__":
    main()
