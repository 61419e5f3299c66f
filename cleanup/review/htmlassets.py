"""The stylesheet and script of the HTML report, inlined so the report needs nothing else.

The script never inserts markup: it toggles classes on elements the server rendered (already
escaped), and builds the "as decided" view and the decisions file from the embedded JSON with
``textContent`` and ``JSON.stringify``. Control and bidirectional-override characters are shown
as ``\\uXXXX`` there too, so no input can reorder what the reviewer reads.
"""

from __future__ import annotations

CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.5em 1em;z-index:2}
h1{font-size:1.2em;margin:.2em 0}
pre.summary{margin:.8em 0;font-size:.85em;white-space:pre-wrap;color:#444}
.controls{display:flex;flex-wrap:wrap;gap:.6em;align-items:center}
fieldset{border:1px solid #ddd;padding:.1em .5em;margin:0}
legend{font-size:.8em;color:#666}
main{padding:0 1em 3em}
section.file{background:#fff;border:1px solid #ddd;margin:1em 0;padding:.5em 1em}
h2{font-size:1.05em;font-family:monospace;word-break:break-all}
.doc,.result{white-space:pre-wrap;font-family:Georgia,serif;line-height:1.7;max-width:60em}
.result{display:none}
body.as-decided .doc{display:none}
body.as-decided .result{display:block}
.cl .chg,.cl .note{cursor:pointer;border-radius:3px;padding:0 1px}
.cl.multi .chg+.chg,.cl.multi .note+.chg,.cl.multi .chg+.note{border-left:2px solid #888;margin-left:2px}
.chg del{background:#eee;text-decoration:none}
.chg ins{color:#999;text-decoration:line-through;background:none}
.chg.acc del{background:#fcc;text-decoration:line-through}
.chg.acc ins{background:#cfc;color:#050;text-decoration:none}
.note mark{background:#fe8}
.filtered del,.filtered ins,.filtered mark{background:none!important;color:inherit}
.result ins{background:#cfc;text-decoration:none}
.ctl{color:#b00;font-family:monospace;font-size:.85em}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0}
td,th{border-top:1px solid #eee;padding:.2em .4em;text-align:left}
.changes{margin-top:.8em;font-size:.85em}
.row{display:grid;grid-template-columns:3.5em 5em 4.5em 6.5em 14em 22em minmax(14em,1fr);
  gap:.5em;border-top:1px solid #eee;padding:.25em 0;content-visibility:auto;contain-intrinsic-size:auto 3.5em}
.row.head{font-weight:bold;content-visibility:visible}
.row>div{min-width:0;overflow-wrap:anywhere}
.row.filtered{display:none}
.row.hit{outline:2px solid #48f}
.pair del{background:#fcc}
.pair ins{background:#cfc;text-decoration:none}
.pair del,.pair ins,.msg{white-space:pre-wrap}
small{color:#666}
.safe{color:#060}.suggestion{color:#a60}.report-only{color:#777}
"""

JS = r"""
(function(){
"use strict";
var data=JSON.parse(document.getElementById("cleanup-data").textContent);
var state=data.items.map(function(it){return it.default;});
var UNSAFE=/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
function visible(s){return s.replace(UNSAFE,function(c){return "\\u"+("000"+c.charCodeAt(0).toString(16)).slice(-4);});}
function all(sel){return Array.prototype.slice.call(document.querySelectorAll(sel));}
var elements={};
all("[data-i]").forEach(function(el){var i=el.getAttribute("data-i");(elements[i]=elements[i]||[]).push(el);});
function show(i){
  var acc=state[i]==="accept";
  (elements[i]||[]).forEach(function(el){
    el.classList.toggle("acc",acc);
    if(el.classList.contains("toggle")){el.checked=acc;}
  });
}
function decide(i,d){
  if(!data.items[i].toggle){return;}
  if(d==="accept"){data.items[i].overlaps.forEach(function(j){if(state[j]==="accept"){state[j]="reject";show(j);}});}
  state[i]=d;show(i);
}
function refresh(){tally();if(document.body.classList.contains("as-decided")){result();}}
function tally(){
  var a=0,r=0;data.items.forEach(function(it,i){if(it.toggle){if(state[i]==="accept"){a++;}else{r++;}}});
  document.getElementById("tally").textContent=a+" accepted, "+r+" rejected";
}
function result(){
  data.files.forEach(function(file,f){
    var box=document.getElementById("result-"+f);box.textContent="";
    var picks=[];data.items.forEach(function(it,i){if(it.file===f&&it.toggle&&state[i]==="accept"){picks.push(it.record);}});
    picks.sort(function(x,y){return x.start-y.start||x.end-y.end;});
    var pos=0;
    picks.forEach(function(r){
      box.appendChild(document.createTextNode(visible(file.text.slice(pos,r.start))));
      var ins=document.createElement("ins");ins.textContent=visible(r.after);box.appendChild(ins);pos=r.end;
    });
    box.appendChild(document.createTextNode(visible(file.text.slice(pos))));
  });
}
function filters(){
  var on={};all("input.filter").forEach(function(b){on[b.getAttribute("data-kind")+"\u0000"+b.value]=b.checked;});
  all("[data-code]").forEach(function(el){
    var keep=on["rule\u0000"+el.getAttribute("data-code")]!==false&&on["safety\u0000"+el.getAttribute("data-safety")]!==false;
    el.classList.toggle("filtered",!keep);
  });
}
function download(){
  var lines=[];
  data.items.forEach(function(it,i){
    if(!it.toggle){return;}
    var rec={};Object.keys(it.record).forEach(function(k){rec[k]=it.record[k];});
    rec.decision=state[i];rec.text=null;lines.push(JSON.stringify(rec));
  });
  var blob=new Blob([lines.join("\n")+"\n"],{type:"application/x-ndjson"});
  var a=document.createElement("a");a.href=URL.createObjectURL(blob);a.download="cleanup-decisions.jsonl";
  document.body.appendChild(a);a.click();a.remove();
  setTimeout(function(){URL.revokeObjectURL(a.href);},5000);
}
document.addEventListener("change",function(ev){
  var t=ev.target;
  if(t.classList.contains("toggle")){decide(+t.getAttribute("data-i"),t.checked?"accept":"reject");refresh();}
  else if(t.classList.contains("filter")){filters();}
  else if(t.id==="as-decided"){document.body.classList.toggle("as-decided",t.checked);refresh();}
});
document.addEventListener("click",function(ev){
  var t=ev.target.closest?ev.target.closest("button,.chg,.note"):null;
  if(!t){return;}
  if(t.id==="download"){download();return;}
  if(t.classList.contains("entry-all")){
    var d=t.getAttribute("data-d");
    data.entries[+t.getAttribute("data-e")].items.forEach(function(i){decide(i,d);});refresh();return;
  }
  if(t.classList.contains("chg")||t.classList.contains("note")){
    var row=document.getElementById("r"+t.getAttribute("data-i"));
    if(row){all(".row.hit").forEach(function(x){x.classList.remove("hit");});row.classList.add("hit");row.scrollIntoView({block:"center"});}
  }
});
data.items.forEach(function(it,i){show(i);});
refresh();filters();
document.body.setAttribute("data-ready","1");
})();
"""
