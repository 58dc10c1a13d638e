"""Bench helper: logs in once through the broker (card + PIN + psc-sim CIBA), then prints one access token and
N independent refresh tokens (one refresh family per wrk connection, so rotation never looks like reuse)."""
import base64
import hashlib
import json
import re
import secrets
import sys
import time
import urllib.parse

import requests

broker, client, families = sys.argv[1], sys.argv[2], int(sys.argv[3])
redirect = "http://127.0.0.1:9/bench"


def authorize(browser, prompt=None):
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    params = {"response_type": "code", "client_id": client, "redirect_uri": redirect, "scope": "openid profile",
              "state": "b", "code_challenge": challenge, "code_challenge_method": "S256"}
    if prompt:
        params["prompt"] = prompt
    reply = browser.get(broker + "/oidc/authorize", params=params, allow_redirects=False)
    location = reply.headers["Location"]
    while not location.startswith(redirect):
        page = browser.get(broker + location, allow_redirects=False)
        if page.status_code == 302:
            location = page.headers["Location"]
        elif 'name="pin"' in page.text:
            form = {name: re.search(r'name="%s" value="([^"]+)"' % name, page.text).group(1) for name in ("tx", "csrf")}
            form.update(pin="1234", method="ciba")
            location = browser.post(broker + "/login/pin", data=form, allow_redirects=False).headers["Location"]
        else:
            time.sleep(0.3)
    code = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(location).query))["code"]
    return requests.post(broker + "/oidc/token", data={"grant_type": "authorization_code", "code": code,
                         "redirect_uri": redirect, "code_verifier": verifier, "client_id": client}).json()


browser = requests.Session()
first = authorize(browser)
refresh = [first["refresh_token"]] + [authorize(browser, "none")["refresh_token"] for _ in range(families - 1)]
print(json.dumps({"access_token": first["access_token"], "refresh_tokens": refresh}))
