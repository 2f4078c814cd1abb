/* The kg graph page: draws the projection embedded as JSON in #kg-data with vis-network.
 *
 * Names, quotes and sentences come from articles and are untrusted: they enter the document
 * only through textContent, vis-network's canvas labels, or tooltips built here as DOM
 * elements (vis-network shows an element title as it is); nothing is parsed as HTML.
 * The page sets data-kg-state on <html>:
 * "drawing" while laying out, "stable" once the picture is still and physics is off.
 */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var root = document.documentElement;
  var SVG = "http://www.w3.org/2000/svg";
  var kinds = {};
  var relations = {};
  data.kinds.forEach(function (kind) { kinds[kind.kind] = kind; });
  data.relations.forEach(function (relation) { relations[relation.relation] = relation; });
  var hiddenKinds = {};
  var hiddenRelations = {};
  var articleShown = -1;
  var byId = {};
  data.nodes.forEach(function (node) { byId[node.id] = node; });

  function element(tag, text, className) {
    var made = document.createElement(tag);
    if (text !== undefined && text !== null) { made.textContent = text; }
    if (className) { made.className = className; }
    return made;
  }

  function byName(id) { return byId[id] ? byId[id].name : "?"; }

  function articleName(index) {
    var article = data.articles[index];
    if (!article) { return "an unknown article"; }
    return article.title + (article.published ? " (" + article.published + ")" : "");
  }

  // A link only for web addresses: a "javascript:" URL from an article must stay text.
  function articleElement(index) {
    var article = data.articles[index];
    if (article && /^https?:\/\//i.test(article.url)) {
      var link = element("a", articleName(index));
      link.href = article.url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      return link;
    }
    return element("span", articleName(index));
  }

  function kindName(node) { return kinds[node.kind].name; }

  // ------------------------------------------------------------------ tooltips and details

  function nodeTooltip(node) {
    var box = element("div");
    if (node.kind === "Claim") {
      box.appendChild(element("strong", "“" + node.name + "”"));
    } else {
      box.appendChild(element("strong", node.name));
    }
    var facts = node.kind === "Claim" ? "" : " · " + node.facts + " fact" + (node.facts === 1 ? "" : "s");
    box.appendChild(element("div", kindName(node) + facts, "kind-line"));
    if (node.aliases.length) { box.appendChild(element("div", "also: " + node.aliases.join(", "))); }
    node.lines.slice(0, 4).forEach(function (line) {
      box.appendChild(element("div", line[0] + ": " + line[1]));
    });
    node.articles.slice(0, 3).forEach(function (index) {
      box.appendChild(element("div", "in " + articleName(index)));
    });
    box.appendChild(element("div", "Click for the evidence", "kind-line"));
    return box;
  }

  function edgeHeading(edge) {
    return byName(edge.from) + " — " + edge.label + " — " + byName(edge.to);
  }

  function edgeTooltip(edge) {
    var box = element("div");
    box.appendChild(element("strong", edgeHeading(edge)));
    edge.articles.slice(0, 3).forEach(function (index) {
      box.appendChild(element("div", "in " + articleName(index)));
    });
    box.appendChild(element("div", "Click for the evidence", "kind-line"));
    return box;
  }

  var details = document.getElementById("details");
  var detailsBody = document.getElementById("details-body");

  function addField(list, field, value) {
    list.appendChild(element("dt", field));
    if (value instanceof Node) {
      var holder = element("dd");
      holder.appendChild(value);
      list.appendChild(holder);
    } else {
      list.appendChild(element("dd", value));
    }
  }

  function addEvidence(evidence) {
    if (!evidence.length) { return; }
    detailsBody.appendChild(element("h3", "Evidence"));
    evidence.forEach(function (pair) {
      var block = element("div", null, "evidence");
      block.appendChild(articleElement(pair[0]));
      if (pair[1]) { block.appendChild(element("q", pair[1])); }
      detailsBody.appendChild(block);
    });
  }

  function jumpButton(id, text) {
    var button = element("button", text, "jump");
    button.type = "button";
    button.addEventListener("click", function () { focusNode(byId[id]); });
    return button;
  }

  function showNode(node) {
    detailsBody.textContent = "";
    detailsBody.appendChild(element("h2", node.kind === "Claim" ? "Claim" : node.name));
    detailsBody.appendChild(element("div", kindName(node), "kind-line"));
    if (node.kind === "Claim") { detailsBody.appendChild(element("blockquote", node.name)); }
    var list = element("dl");
    if (node.aliases.length) { addField(list, "also called", node.aliases.join(", ")); }
    if (node.kind !== "Claim") { addField(list, "facts", String(node.facts)); }
    node.lines.forEach(function (line) { addField(list, line[0], line[1]); });
    // Links grouped by what they say ("holds post: chair", "said", "← funds £45m").
    var groups = {};
    var order = [];
    data.edges.forEach(function (edge) {
      if (edge.from !== node.id && edge.to !== node.id) { return; }
      var outgoing = edge.from === node.id;
      var key = outgoing ? edge.label : "← " + edge.label;
      if (!groups[key]) { groups[key] = []; order.push(key); }
      groups[key].push(outgoing ? edge.to : edge.from);
    });
    order.sort(function (a, b) { return (a === "said") - (b === "said") || a.localeCompare(b); });
    order.forEach(function (key) {
      var buttons = element("div", null, "jumps");
      groups[key].slice(0, 60).forEach(function (other) {
        var target = byId[other];
        buttons.appendChild(jumpButton(other, target.kind === "Claim" ? "“" + target.label + "”" : target.name));
      });
      if (groups[key].length > 60) { buttons.appendChild(element("span", "and " + (groups[key].length - 60) + " more")); }
      addField(list, key, buttons);
    });
    if (node.articles.length) {
      var articles = element("ul", null, "articles");
      node.articles.forEach(function (index) {
        var item = element("li");
        item.appendChild(articleElement(index));
        articles.appendChild(item);
      });
      addField(list, node.articles.length === 1 ? "article" : node.articles.length + " articles", articles);
    }
    detailsBody.appendChild(list);
    addEvidence(node.evidence);
    detailsBody.appendChild(element("div", node.iri, "iri"));
    details.hidden = false;
  }

  function showEdge(edge) {
    detailsBody.textContent = "";
    detailsBody.appendChild(element("h2", edgeHeading(edge)));
    detailsBody.appendChild(element("div", edge.relation, "kind-line"));
    var list = element("dl");
    edge.lines.forEach(function (line) { addField(list, line[0], line[1]); });
    detailsBody.appendChild(list);
    addEvidence(edge.evidence);
    details.hidden = false;
  }

  function hideDetails() { details.hidden = true; }
  document.getElementById("close").addEventListener("click", hideDetails);

  // ------------------------------------------------------------------ the network

  var FADED = "rgba(200,200,200,0.3)";
  var FADED_TEXT = "rgba(0,0,0,0.15)";

  // The colours and font of a node as drawn normally.
  function looks(node) {
    var kind = kinds[node.kind];
    if (node.kind === "Claim") {
      return { id: node.id, font: { size: 12, color: "#333" },
               color: { background: kind.colour, border: "#c9a227",
                        highlight: { background: "#fff3c4", border: "#8a6d00" },
                        hover: { background: "#fff3c4", border: "#8a6d00" } } };
    }
    return { id: node.id, color: kind.colour, font: { size: 14, color: "#222" } };
  }

  function nodeItem(node) {
    var item = looks(node);
    item.label = node.label;
    item.shape = kinds[node.kind].shape;
    item.title = nodeTooltip(node);
    if (node.kind === "Claim") {
      item.widthConstraint = { maximum: 190 };
      item.shapeProperties = { borderRadius: 3 };
    } else {
      item.size = node.size;
    }
    if (node.x !== undefined) { item.x = node.x; item.y = node.y; }
    return item;
  }

  function edgeItem(edge, index) {
    var relation = relations[edge.relation];
    return {
      id: index, from: edge.from, to: edge.to, label: edge.label, title: edgeTooltip(edge),
      color: { color: relation.colour, highlight: relation.colour, hover: relation.colour, opacity: 0.85 },
      dashes: relation.dashes, width: edge.relation === "funds" ? 2.5 : 1.2,
      font: { color: relation.colour },
      smooth: edge.bend ? { enabled: true, type: edge.bend % 2 ? "curvedCW" : "curvedCCW",
                            roundness: 0.25 * Math.ceil(edge.bend / 2) } : false
    };
  }

  function nodeShown(item) {
    var node = byId[item.id];
    return !hiddenKinds[node.kind] && (articleShown < 0 || node.articles.indexOf(articleShown) >= 0);
  }

  function edgeShown(item) {
    var edge = data.edges[item.id];
    return !hiddenRelations[edge.relation] && (articleShown < 0 || edge.articles.indexOf(articleShown) >= 0);
  }

  var nodes = new vis.DataSet(data.nodes.map(nodeItem));
  var edges = new vis.DataSet(data.edges.map(edgeItem));
  var nodeView = new vis.DataView(nodes, { filter: nodeShown });
  var edgeView = new vis.DataView(edges, { filter: edgeShown });
  var status = document.getElementById("status");

  function say(text, miss) {
    status.textContent = text;
    status.className = miss ? "miss" : "";
  }

  var network = new vis.Network(document.getElementById("graph"),
    { nodes: nodeView, edges: edgeView }, data.options);
  window.kgNetwork = network;

  function ready() {
    root.dataset.kgState = "stable";
    if (status.textContent.indexOf("Laying out") === 0) { say(""); }
  }

  root.dataset.kgState = "drawing";
  if (!data.nodes.length) {
    say("Nothing to draw: no person, body or claim was found.", true);
    ready();
  } else if (data.physics) {
    say("Laying out the graph…");
    network.on("stabilizationProgress", function (progress) {
      say("Laying out the graph… " + Math.round(100 * progress.iterations / progress.total) + "%");
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      network.fit();
      network.once("afterDrawing", ready);
      network.redraw();
    });
  } else {
    network.once("afterDrawing", ready);
    network.fit();
  }

  // A selected node and its neighbours stand out; everything else fades. Only the nodes and
  // links whose state changes are updated: on a big graph vis-network redoes each one.
  var fadedNodes = {};
  var fadedEdges = {};
  var highlighted = null;
  function setFaded(near) {
    var nodeChanges = [];
    data.nodes.forEach(function (node) {
      var fade = near !== null && !near[node.id];
      if (fade === !!fadedNodes[node.id]) { return; }
      fadedNodes[node.id] = fade;
      nodeChanges.push(fade ? { id: node.id, color: FADED, font: { color: FADED_TEXT } } : looks(node));
    });
    var edgeChanges = [];
    data.edges.forEach(function (edge, index) {
      var fade = near !== null && !(near[edge.from] && near[edge.to] && (edge.from === highlighted || edge.to === highlighted));
      if (fade === !!fadedEdges[index]) { return; }
      fadedEdges[index] = fade;
      edgeChanges.push({ id: index, color: { opacity: fade ? 0.12 : 0.85 },
                         font: { color: fade ? "rgba(0,0,0,0)" : relations[edge.relation].colour } });
    });
    nodes.update(nodeChanges);
    edges.update(edgeChanges);
  }
  function highlight(id) {
    if (highlighted === id) { return; }
    highlighted = id;
    var near = {};
    near[id] = true;
    network.getConnectedNodes(id).forEach(function (other) { near[other] = true; });
    setFaded(near);
  }
  function unhighlight() {
    if (highlighted === null) { return; }
    highlighted = null;
    setFaded(null);
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      highlight(params.nodes[0]);
      showNode(byId[params.nodes[0]]);
    } else {
      unhighlight();
      if (params.edges.length) { showEdge(data.edges[params.edges[0]]); } else { hideDetails(); }
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hideDetails(); unhighlight(); network.unselectAll(); }
  });

  // ------------------------------------------------------------------ legend and filters

  function swatch(shape, colour, dashes) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "swatch");
    svg.setAttribute("width", "22");
    svg.setAttribute("height", "14");
    svg.setAttribute("viewBox", "0 0 22 14");
    svg.setAttribute("aria-hidden", "true");
    var shapes = {
      dot: ["circle", { cx: 11, cy: 7, r: 6 }],
      square: ["rect", { x: 5, y: 1, width: 12, height: 12 }],
      diamond: ["polygon", { points: "11,0 18,7 11,14 4,7" }],
      triangle: ["polygon", { points: "11,1 18,13 4,13" }],
      hexagon: ["polygon", { points: "7,1 15,1 19,7 15,13 7,13 3,7" }],
      box: ["rect", { x: 1, y: 2, width: 20, height: 10, rx: 2 }],
      line: ["line", { x1: 0, y1: 7, x2: 22, y2: 7 }]
    };
    var spec = shapes[shape];
    var mark = document.createElementNS(SVG, spec[0]);
    Object.keys(spec[1]).forEach(function (name) { mark.setAttribute(name, String(spec[1][name])); });
    if (shape === "line") {
      mark.setAttribute("stroke", colour);
      mark.setAttribute("stroke-width", "2.5");
      if (dashes) { mark.setAttribute("stroke-dasharray", "4 3"); }
    } else {
      mark.setAttribute("fill", colour);
      mark.setAttribute("stroke", shape === "box" ? "#c9a227" : "rgba(0,0,0,0.35)");
    }
    svg.appendChild(mark);
    return svg;
  }

  // A node the filters hide and show again is a new node to vis-network: keep where it was.
  function refresh() {
    var positions = network.getPositions();
    nodes.update(Object.keys(positions).map(function (id) {
      return { id: Number(id), x: positions[id].x, y: positions[id].y };
    }));
    nodeView.refresh();
    edgeView.refresh();
  }

  function filterLine(fieldset, name, count, mark, hidden, key) {
    var line = element("label", null, count ? "" : "empty");
    var box = element("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.filter = key;
    box.addEventListener("change", function () {
      hidden[key] = !box.checked;
      refresh();
    });
    line.appendChild(box);
    line.appendChild(mark);
    line.appendChild(element("span", name));
    line.appendChild(element("span", String(count), "count"));
    fieldset.appendChild(line);
    return box;
  }

  var kindBoxes = {};
  var kindCounts = {};
  data.nodes.forEach(function (node) { kindCounts[node.kind] = (kindCounts[node.kind] || 0) + 1; });
  data.kinds.forEach(function (kind) {
    if (!kindCounts[kind.kind]) { return; }
    kindBoxes[kind.kind] = filterLine(document.getElementById("kinds"), kind.name, kindCounts[kind.kind],
      swatch(kind.shape, kind.colour), hiddenKinds, kind.kind);
  });
  var relationCounts = {};
  data.edges.forEach(function (edge) { relationCounts[edge.relation] = (relationCounts[edge.relation] || 0) + 1; });
  data.relations.forEach(function (relation) {
    if (!relationCounts[relation.relation]) { return; }
    filterLine(document.getElementById("relations"), relation.relation, relationCounts[relation.relation],
      swatch("line", relation.colour, relation.dashes), hiddenRelations, relation.relation);
  });

  var articleSelect = document.getElementById("article");
  if (data.articles.length > 1) {
    var everything = element("option", "All " + data.articles.length + " articles");
    everything.value = "-1";
    articleSelect.appendChild(everything);
    data.articles.forEach(function (article, index) {
      var option = element("option", articleName(index));
      option.value = String(index);
      articleSelect.appendChild(option);
    });
    articleSelect.addEventListener("change", function () {
      articleShown = Number(articleSelect.value);
      refresh();
      network.fit({ animation: data.nodes.length <= data.glideMaxNodes && { duration: 300 } });
    });
    document.getElementById("article-filter").hidden = false;
  }

  document.getElementById("title").textContent = data.title;
  var articleCount = data.articles.length;
  document.getElementById("counts").textContent = data.nodes.length + " nodes · " + data.edges.length +
    " links · " + articleCount + " article" + (articleCount === 1 ? "" : "s");
  data.notes.forEach(function (note) {
    document.getElementById("notes").appendChild(element("p", note));
  });

  // ------------------------------------------------------------------ search

  var searchable = data.nodes.filter(function (node) { return node.kind !== "Claim" && node.kind !== "Amount"; });
  var names = document.getElementById("search-names");
  var seen = {};
  searchable.slice().sort(function (a, b) { return a.name.localeCompare(b.name); }).forEach(function (node) {
    if (seen[node.name]) { return; }
    seen[node.name] = true;
    var option = element("option", kindName(node));
    option.value = node.name;
    names.appendChild(option);
  });

  // Entities before claims; then exact name, name starting with the text, name containing it.
  function matches(text) {
    var wanted = text.trim().toLowerCase();
    if (!wanted) { return []; }
    var found = [];
    data.nodes.forEach(function (node) {
      var best = 3;
      [node.name].concat(node.aliases).forEach(function (name) {
        var lower = name.toLowerCase();
        var rank = lower === wanted ? 0 : lower.indexOf(wanted) === 0 ? 1 : lower.indexOf(wanted) > 0 ? 2 : 3;
        best = Math.min(best, rank);
      });
      if (best < 3) {
        var claimLike = node.kind === "Claim" || node.kind === "Amount" ? 3 : 0;
        found.push({ node: node, rank: claimLike + best });
      }
    });
    found.sort(function (a, b) { return a.rank - b.rank || a.node.name.localeCompare(b.node.name); });
    return found.map(function (match) { return match.node; });
  }

  function focusNode(node) {
    if (!nodeShown({ id: node.id })) {
      hiddenKinds[node.kind] = false;
      if (kindBoxes[node.kind]) { kindBoxes[node.kind].checked = true; }
      articleShown = -1;
      articleSelect.value = "-1";
      refresh();
    }
    network.selectNodes([node.id]);
    highlight(node.id);
    // vis-network animates frame by frame: on a big graph each frame is slow, so jump instead.
    var glide = data.nodes.length <= data.glideMaxNodes;
    network.focus(node.id, { scale: Math.max(network.getScale(), 1.1), offset: { x: -170, y: 0 },
                              animation: glide && { duration: 400, easingFunction: "easeInOutQuad" } });
    showNode(node);
    root.dataset.kgFocus = String(node.id);
  }

  var search = document.getElementById("search");
  var lastQuery = "";
  var cursor = 0;
  function runSearch() {
    var found = matches(search.value);
    if (!found.length) {
      say(search.value.trim() ? "Nothing called “" + search.value.trim() + "”." : "", true);
      return;
    }
    cursor = search.value === lastQuery ? (cursor + 1) % found.length : 0;
    lastQuery = search.value;
    var node = found[cursor];
    focusNode(node);
    say(found.length === 1 ? node.name + " (" + kindName(node) + ")"
      : (cursor + 1) + " of " + found.length + ": " + node.name + " (" + kindName(node) + "); Enter for the next");
  }
  document.getElementById("search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    runSearch();
  });
  // Picking a name from the list focuses it at once.
  search.addEventListener("input", function () {
    if (seen[search.value]) { runSearch(); }
  });
}());
