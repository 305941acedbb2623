// Realistic pages written for sitrep's tests (not taken from any evaluation set).
export const NEWS_PAGE = `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ministers agree on grain corridor extension | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta property="og:title" content="Ministers agree on grain corridor extension">
<meta name="author" content="Lena Fischer">
<meta property="article:published_time" content="2023-03-14T09:30:00Z">
<link rel="canonical" href="https://harbourtimes.example/world/grain-corridor">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<article>
<h1>Ministers agree on grain corridor extension</h1>
<p class="byline">By Lena Fischer</p>
<p>Foreign ministers from Turkey and Ukraine agreed on Tuesday to extend the Black Sea grain corridor for another 120 days, officials in Ankara said after a meeting that lasted well into the night.</p>
<p>The deal, brokered with the help of the United Nations, allows cargo ships to leave three Ukrainian ports despite the war. Russia has repeatedly threatened to walk away from the arrangement, citing obstacles to its own exports of grain and fertiliser.</p>
<figure><img src="ship.jpg" alt=""><figcaption>A cargo ship waits off Istanbul. Photo: Harbour Times</figcaption></figure>
<p>"This corridor feeds millions of people far beyond our region," the Turkish foreign minister told reporters, adding that talks with Moscow would continue next week in Geneva.</p>
<p>Grain prices fell by nearly two percent in Chicago after the announcement, traders said, as markets had feared a collapse of the deal before the deadline on Saturday.</p>
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Wheat prices climb</a></li><li><a href="/b">Ports reopen</a></li></ul></aside>
<div class="newsletter">Sign up for our daily briefing</div>
<footer>© Harbour Times</footer>
</body></html>`;

export const NOT_AN_ARTICLE = `<!doctype html><html><head><title>Login</title></head><body>
<form><label>User <input name="u"></label><label>Password <input type="password" name="p"></label><button>Sign in</button></form>
</body></html>`;
