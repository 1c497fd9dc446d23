(function(){
function val(c){var v=c.getAttribute('data-v');return v===null?null:parseFloat(v);}
document.querySelectorAll('table.sortable').forEach(function(t){
var hs=t.tHead?t.tHead.rows[0].cells:[];
Array.prototype.forEach.call(hs,function(th,i){
th.tabIndex=0;
function sort(){
var asc=th.getAttribute('aria-sort')!=='ascending';
Array.prototype.forEach.call(hs,function(h){h.removeAttribute('aria-sort');});
th.setAttribute('aria-sort',asc?'ascending':'descending');
var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows);
rows.sort(function(x,y){
var a=val(x.cells[i]),c=val(y.cells[i]),r;
if(a!==null||c!==null){if(a===null)return 1;if(c===null)return -1;r=a-c;}
else{r=x.cells[i].textContent.localeCompare(y.cells[i].textContent);}
return asc?r:-r;});
rows.forEach(function(r){b.appendChild(r);});}
th.addEventListener('click',sort);
th.addEventListener('keydown',function(e){if(e.key==='Enter'){sort();}});
});});
document.documentElement.setAttribute('data-sortable','ready');
})();
(function(){
'use strict';
// ---------------------------------------------------------------- embedded data (gzip+base64 or JSON)
function inflate(el){
if(el.getAttribute('data-encoding')!=='gzip+base64'){return Promise.resolve(JSON.parse(el.textContent));}
if(typeof DecompressionStream==='undefined'){return Promise.reject(new Error('this browser has no DecompressionStream'));}
var bin=atob(el.textContent.trim()),u=new Uint8Array(bin.length);for(var i=0;i<bin.length;i++){u[i]=bin.charCodeAt(i);}
return new Response(new Blob([u]).stream().pipeThrough(new DecompressionStream('gzip'))).text().then(JSON.parse);}
function failed(note){return function(e){var n=document.getElementById(note);if(n){n.textContent='This view could not read its data ('+e.message+'); the static sections read without it.';}
document.documentElement.setAttribute('data-failed',String(e.message));};}
// ---------------------------------------------------------------- shared helpers
function num(v){if(v===null||v===undefined||isNaN(v)){return '–';}if(!isFinite(v)){return v>0?'∞':'-∞';}
var a=Math.abs(v),s;if(v===Math.round(v)&&a<1e15){s=String(v);}else if(a>=100){s=v.toFixed(0);}else if(a>=10){s=v.toFixed(1);}else if(a>=1){s=v.toFixed(2);}else{s=Number(v.toPrecision(3)).toString();}
return s==='-0'?'0':s;}
function h(tag,attrs,text){var e=document.createElement(tag);if(attrs){Object.keys(attrs).forEach(function(k){e.setAttribute(k,attrs[k]);});}if(text!==undefined){e.textContent=text;}return e;}
// a table of rows (arrays) under columns [key, heading, numeric]; numeric cells carry their exact value in data-v; headings sort
function grid(id,cols,rows){
var t=h('table',{id:id,'class':'view-table'}),thead=h('thead'),tr=h('tr'),tb=h('tbody'),by=-1,desc=false;
cols.forEach(function(c,k){var th=h('th',{'data-col':c[0],tabindex:'0'},c[1]);
function go(){desc=by===k?!desc:c[2];by=k;Array.prototype.forEach.call(tr.cells,function(x){x.removeAttribute('aria-sort');});th.setAttribute('aria-sort',desc?'descending':'ascending');fill();}
th.addEventListener('click',go);th.addEventListener('keydown',function(e){if(e.key==='Enter'){go();}});tr.appendChild(th);});
thead.appendChild(tr);t.appendChild(thead);t.appendChild(tb);
function fill(){var list=rows.slice();if(by>=0){list.sort(function(a,b){var u=a[by],v=b[by],r;
if(u===null||v===null){return u===null?(v===null?0:1):-1;}r=typeof u==='number'?u-v:String(u).localeCompare(String(v));return desc?-r:r;});}
tb.textContent='';list.forEach(function(row){var r=h('tr');cols.forEach(function(c,k){var v=row[k],td;
if(c[3]){td=c[3](row);}else if(typeof v==='number'||v===null&&c[2]!==undefined){td=h('td',{'class':'num '+c[0]},num(v));if(v!==null){td.setAttribute('data-v',String(v));}}
else{td=h('td',{'class':c[0]},v);}r.appendChild(td);});tb.appendChild(r);});}
fill();return t;}
function picker(bar,id,text,values,value){var l=h('label',{'for':id},text+' '),s=h('select',{id:id});
values.forEach(function(v){s.appendChild(h('option',{value:v},v));});s.value=values.indexOf(value)>=0?value:values[0];bar.appendChild(l);bar.appendChild(s);return s;}
function distinct(xs){var out=[];xs.forEach(function(x){if(out.indexOf(x)<0){out.push(x);}});return out;}
function pct(v){return (v>0?'+':'')+v.toFixed(1)+' %';}
// ---------------------------------------------------------------- dashboard views drawn from findings
var filters={};// Explore's facet selection, facet name to selected values; views that follow it listen for prism-filter
[['pd-filtered',pdFiltered],['regression',regression],['rankings',rankings],['quality',quality],['mlperf',mlperf],['datasets',datasets]].forEach(function(v){
var el=document.getElementById(v[0]+'-data'),box=document.getElementById(v[0]+'-view');
if(el&&box){inflate(el).then(function(V){var n=document.getElementById(v[0]+'-nojs');if(n){n.remove();}box.hidden=false;v[1](V,box);box.setAttribute('data-ready','1');}).catch(failed(v[0]+'-nojs'));}});
// a group of points passes the facet filters of Explore unless it agrees on a filtered facet with a value not selected
function passes(g){return Object.keys(filters).every(function(f){var s=filters[f];return !s||!s.length||!(f in g.facets)||s.indexOf(g.facets[f])>=0;});}
function regression(V,box){
var st=document.getElementById('regression-static');if(st){st.hidden=true;}
var note=h('p',{'class':'status',id:'regression-status'}),sum=h('div',{'class':'scroll'}),out=h('div',{'class':'scroll'});
box.appendChild(note);box.appendChild(h('h3',{},'Geometric mean per measure'));box.appendChild(sum);box.appendChild(h('h3',{},'Per configuration'));box.appendChild(out);
if(V.unmatched.length){var det=h('details',{id:'regression-unmatched'}),ul=h('ul',{});det.appendChild(h('summary',{},V.unmatched.length+' entries without a match'));
V.unmatched.forEach(function(u){ul.appendChild(h('li',{},u));});det.appendChild(ul);box.appendChild(det);}
function verdict(m,p){return Math.abs(p)<V.band?'unchanged':(p>0)===(V.measures[m][3]>0)?'improved':'regressed';}
function verdictCell(k){return function(row){return h('td',{'class':'verdict '+row[k].replace(' ','_')},row[k]);};}
// the change as a bar from 0 against the ±band shaded; the scale is the largest change shown
function bandCell(k,top){return function(row){var td=h('td',{'class':'band'});if(row[k]===null){return td;}
var t=h('div',{'class':'track'}),z=h('div',{'class':'zone'}),b=h('div',{'class':'change '+row[k+1]}),w=function(p){return Math.min(Math.abs(p),top)/top*50;};
z.style.left=(50-w(V.band)).toFixed(2)+'%';z.style.width=(2*w(V.band)).toFixed(2)+'%';
b.style.width=w(row[k]).toFixed(2)+'%';b.style.left=(row[k]<0?50-w(row[k]):50).toFixed(2)+'%';t.appendChild(z);t.appendChild(b);td.appendChild(t);return td;};}
var last=null;
function show(){var keep=V.configurations.map(passes),key=keep.join(' ');if(key===last){return;}last=key;
var shown=0,rows=[],logs=V.measures.map(function(){return [0,0];}),top=2*V.band;
keep.forEach(function(k){if(k){shown++;}});
V.changes.forEach(function(c){if(!keep[c[0]]){return;}logs[c[1]][0]+=Math.log(c[3]/c[2]);logs[c[1]][1]++;top=Math.max(top,Math.abs(c[4]));
rows.push([V.configurations[c[0]].name,V.measures[c[1]][1],V.measures[c[1]][2],c[2],c[3],c[4],c[5],c[6]]);});
// per measure the geometric mean of the shown candidate/baseline ratios, as RegressionReport.geomeans
var geo=V.measures.map(function(m,k){var n=logs[k][1],p=n?(Math.exp(logs[k][0]/n)-1)*100:null;if(p!==null){top=Math.max(top,Math.abs(p));}return [m[1],m[2],n,p,p===null?'no data':verdict(k,p)];});
note.textContent=shown+' of '+V.configurations.length+' matched configurations under the filters of Explore; changes within ±'+num(V.band)+' % count as unchanged';
sum.textContent='';sum.appendChild(grid('regression-geomeans',[['measure','Measure'],['unit','Unit'],['configurations','Configurations',true],['change','Change (%)',true],
['verdict','Verdict',undefined,verdictCell(4)],['band','Change against ±'+num(V.band)+' %',undefined,bandCell(3,top)]],geo));
out.textContent='';out.appendChild(grid('regression-table',[['configuration','Configuration'],['measure','Measure'],['unit','Unit'],['baseline','Baseline',true],['candidate','Current',true],
['change','Change (%)',true],['verdict','Verdict',undefined,verdictCell(6)],['loads','Loads',true],['band','Change against ±'+num(V.band)+' %',undefined,bandCell(5,top)]],rows));
box.setAttribute('data-rows',String(rows.length));}
document.addEventListener('prism-filter',show);show();}
function pdFiltered(V,box){
var bar=h('div',{'class':'bar'});box.appendChild(bar);
var targets=distinct([].concat.apply([],V.groups.map(function(g){return g.rows.map(function(r){return String(r[0]);});})));
var sel=picker(bar,'pd-target',V.latency+' target ('+V.latencyUnit+')',['all'].concat(targets),'all');
var note=h('p',{'class':'status',id:'pd-status'}),out=h('div',{'class':'scroll'});box.appendChild(note);box.appendChild(out);
var last=null;
function show(){var gs=V.groups.filter(passes),rows=[],key=sel.value+'\n'+gs.map(function(g){return V.groups.indexOf(g);}).join(' ');
// a filter change that keeps the same groups leaves the table as it is (rebuilding it costs a layout)
if(key===last){return;}last=key;
gs.forEach(function(g){g.rows.forEach(function(r){if(sel.value==='all'||String(r[0])===sel.value){rows.push([g.workload,r[0],r[1],r[2],r[3],r[4],r[5],r[6],r[7],r[8]]);}});});
note.textContent=gs.length+' of '+V.groups.length+' workload groups under the filters of Explore; '+rows.length+' rows';
out.textContent='';out.appendChild(grid('pd-table',[['workload','Workload'],['target','Target ('+V.latencyUnit+')',false],['aggregated','Aggregated'],['aggregated-load','Load'],
['aggregated-value','Aggregated ('+V.unit+')',true],['pd','P/D'],['pd-load','Load'],['pd-value','P/D ('+V.unit+')',true],['winner','Higher'],['advantage','P/D vs aggregated (%)',true]],rows));
box.setAttribute('data-rows',String(rows.length));}
sel.addEventListener('change',show);document.addEventListener('prism-filter',show);show();}
function quality(V,box){
var top=Math.max.apply(null,V.models.map(function(m){return m[1]===null?0:m[1];}));
box.appendChild(grid('quality-table',[['model','Model'],['arena','Arena score',true],['bar','',undefined,function(row){var td=h('td',{'class':'barcell'});
if(row[1]!==null&&top>0){var b=h('div',{'class':'hbar'});b.style.width=(row[1]/top*100).toFixed(1)+'%';td.appendChild(b);}return td;}],
['arena-name','Arena entry'],['configuration','Best configuration'],['value',V.measure+' ('+V.unit+')',true],['load','Load']],
V.models.map(function(m){return [m[0],m[1],null,m[2],m[3],m[4],m[5]];})));}
function rankings(V,box){
var bar=h('div',{'class':'bar'});box.appendChild(bar);
var groups=V.groups.map(function(g){return g.group;}),sel=picker(bar,'rankings-group',V.by.replace(/_/g,' '),groups,groups[0]);
var out=h('div',{'class':'scroll'});box.appendChild(out);
if(V.excluded){box.appendChild(h('p',{'class':'note'},V.excluded+' points lack '+V.measure+' and are not ranked.'));}
function show(){var g=V.groups[groups.indexOf(sel.value)];out.textContent='';
out.appendChild(grid('rankings-table',[['rank','Rank',false],['configuration','Configuration'],['value',V.measure+' ('+V.unit+')',true],['load','Load'],['source','Source']],g.entries));}
sel.addEventListener('change',show);show();}
function datasets(V,box){
var bar=h('div',{'class':'bar'});box.appendChild(bar);
var names=V.datasets.map(function(d){return d.name;}),sel=picker(bar,'datasets-name','dataset',names,names[0]),out=h('div',{});box.appendChild(out);
if(V.problems.length){var det=h('details',{}),ul=h('ul',{});det.appendChild(h('summary',{},V.problems.length+' problems reading the summaries'));
V.problems.slice(0,50).forEach(function(p){ul.appendChild(h('li',{},p));});det.appendChild(ul);box.appendChild(det);}
function hist(side,L){var fig=h('div',{'class':'histogram',id:'datasets-'+side+'-histogram'}),top=Math.max.apply(null,L.bins.map(function(b){return b[2];}));
L.bins.forEach(function(b){var col=h('div',{'class':'bin','data-count':String(b[2]),title:Math.ceil(b[0])+'–'+(Math.ceil(b[1])-1)+' tokens: '+b[2]+' samples'});
col.style.height=(top>0?b[2]/top*100:0).toFixed(1)+'%';fig.appendChild(col);});
var axis=h('div',{'class':'axis'});axis.appendChild(h('span',{},num(L.min)));axis.appendChild(h('span',{},side+' length (tokens)'));axis.appendChild(h('span',{},num(L.max)));
var w=h('figure',{'class':'dataset'});w.appendChild(fig);w.appendChild(axis);return w;}
function show(){var d=V.datasets[Math.max(0,names.indexOf(sel.value))];out.textContent='';
out.appendChild(h('p',{'class':'note'},d.file));
var sides=[['input',d.input]];if(d.output){sides.push(['output',d.output]);}
var keys=Object.keys(d.input.percentiles);
out.appendChild(grid('datasets-stats',[['side','Lengths']].concat([['count','Samples',true],['min','Min',true],['mean','Mean',true]],keys.map(function(k){return [k,k,true];}),[['max','Max',true]]),
sides.map(function(s){var L=s[1];return [s[0],L.count,L.min,L.mean].concat(keys.map(function(k){return L.percentiles[k];}),[L.max]);})));
var figs=h('div',{'class':'histograms'});sides.forEach(function(s){figs.appendChild(hist(s[0],s[1]));});out.appendChild(figs);
if(!d.output){out.appendChild(h('p',{'class':'note'},'This summary has no output lengths.'));}}
sel.addEventListener('change',show);show();}
function mlperf(V,box){
var bar=h('div',{'class':'bar'});box.appendChild(bar);
var metrics=V.perAccelerator.map(function(m){return m.metric;});
var ms=picker(bar,'mlperf-metric','metric',metrics,metrics[0]),rs,bs,ss;
var per=h('div',{'class':'scroll'}),deg=h('div',{'class':'scroll'}),rnd=h('div',{'class':'scroll'});
box.appendChild(h('h3',{},'Per accelerator'));box.appendChild(per);
box.appendChild(h('h3',{},'Offline → Server and Interactive'));box.appendChild(deg);
box.appendChild(h('h3',{},'Across rounds'));box.appendChild(rnd);
function metric(){return V.perAccelerator[Math.max(0,metrics.indexOf(ms.value))];}
function pickers(){var m=metric(),keep=[rs&&rs.value,bs&&bs.value,ss&&ss.value];
[rs,bs,ss].forEach(function(s){if(s){s.previousSibling.remove();s.remove();}});
var gs=m?m.groups:[],rounds=distinct(gs.map(function(g){return g.round;})).sort(function(a,b){return b.localeCompare(a,undefined,{numeric:true});});
rs=picker(bar,'mlperf-round','round',rounds,keep[0]);
var bens=distinct(gs.filter(function(g){return g.round===rs.value;}).map(function(g){return g.benchmark;})).sort();
bs=picker(bar,'mlperf-benchmark','benchmark',bens,keep[1]);
var scs=distinct(gs.filter(function(g){return g.round===rs.value&&g.benchmark===bs.value;}).map(function(g){return g.scenario;})).sort();
ss=picker(bar,'mlperf-scenario','scenario',scs,keep[2]||'Offline');
[rs,bs,ss].forEach(function(s){s.addEventListener('change',function(){pickers();show();});});}
function show(){var m=metric();per.textContent='';deg.textContent='';rnd.textContent='';if(!m){return;}
var g=m.groups.filter(function(x){return x.round===rs.value&&x.benchmark===bs.value&&x.scenario===ss.value;})[0];
if(g){var max=Math.max.apply(null,g.entries.map(function(e){return e[5];}));
per.appendChild(grid('mlperf-per-accelerator',[['rank','Rank',false],['system','System'],['accelerator','Accelerator'],['accelerators','Accelerators',true],['result','Result ('+m.unit+')',true],
['per-accelerator',m.unit+' per accelerator',true],['bar','',undefined,function(row){var td=h('td',{'class':'barcell'}),b=h('div',{'class':'hbar'});b.style.width=(max>0?row[5]/max*100:0).toFixed(1)+'%';td.appendChild(b);return td;}]],
g.entries.map(function(e){return e.concat([null]);})));}
var drops=V.degradation.filter(function(d){return d[0]===rs.value&&d[1]===bs.value;});
if(drops.length){deg.appendChild(grid('mlperf-degradation',[['scenario','Scenario'],['system','System'],['offline','Offline',true],['other','Server / Interactive',true],['drop','Drop (%)',true],['unit','Unit']],
drops.map(function(d){return [d[2],d[3],d[4],d[5],d[6],d[7]];})));}else{deg.appendChild(h('p',{'class':'note'},'No system of this round has both an Offline and a Server or Interactive result for '+bs.value+'.'));}
var tracks=V.rounds.filter(function(t){return t.benchmark===bs.value&&t.scenario===ss.value;});
if(tracks.length){rnd.appendChild(grid('mlperf-rounds',[['system','System'],['accelerator','Accelerators'],['steps','Round to round'],['unit','Unit']],
tracks.map(function(t){return [t.system,t.accelerator,t.steps.map(function(s){return s[0]+' → '+s[1]+': '+num(s[2])+' → '+num(s[3])+' ('+pct(s[4])+')';}).join('; '),t.unit];})));}
else{rnd.appendChild(h('p',{'class':'note'},'No system ran '+bs.value+' '+ss.value+' in two rounds.'));}}
ms.addEventListener('change',function(){pickers();show();});pickers();show();}
var dataEl=document.getElementById('prism-data'),app=document.getElementById('app');
if(dataEl&&app){inflate(dataEl).then(explore).catch(failed('nojs'));}
function explore(D){
var N=D.n,F=D.facets.length;
var PALETTE=['#0072B2','#D55E00','#009E73','#CC79A7','#E69F00','#56B4E9','#8C6D1F','#7F7F7F'];
var ROWS=200;
// ---------------------------------------------------------------- measures
var measures=[],byKey={};
function addMeasure(m){measures.push(m);byKey[m.key]=m;}
D.measures.forEach(function(m){
addMeasure({key:m.key,label:m.key.replace(/_/g,' ').replace('.',' ')+' ('+m.unit+')',unit:m.unit,dir:m.direction,
get:function(i){return m.values[i];},derived:function(i){var f=D.derived[m.metric];return !!f&&f.charCodeAt(i)===49;}});
if(m.scales){[['chip','per chip'],['replica','per replica'],['node','per node']].forEach(function(b){
var div=D.divisors[b[0]];
if(!div.some(function(d){return d!==null;})){return;}
addMeasure({key:m.key+'/'+b[0],label:m.key.replace(/_/g,' ').replace('.',' ')+' '+b[1]+' ('+m.unit+')',unit:m.unit,dir:m.direction,
get:function(i){var v=m.values[i],d=div[i];return v===null||d===null?null:v/d;},derived:function(){return true;}});});}
});
// the quality overlay: the arena score of the point's model, where one joins (plotted on either axis)
if(D.arena){addMeasure({key:'arena',label:'arena score of the model',unit:'arena score',dir:1,arena:true,
get:function(i){return D.arena.values[i];},derived:function(){return false;}});}
addMeasure({key:'cost',label:'USD per 1M output tokens',unit:'USD',dir:-1,cost:true,
get:function(i){return pricing().values[i];},derived:function(i){return pricing().estimated.charCodeAt(i)===49;}});
function pricing(){for(var k=0;k<D.pricing.length;k++){if(D.pricing[k].key===state.pricing){return D.pricing[k];}}return D.pricing[0];}
// ---------------------------------------------------------------- state and URL fragment
function defaults(){
var x=byKey['tpot.mean']?'tpot.mean':(measures[0]||{}).key;
var y=byKey['output_throughput.mean/chip']?'output_throughput.mean/chip':byKey['output_throughput.mean']?'output_throughput.mean':(measures[1]||measures[0]||{}).key;
return {sel:{},x:x,y:y,lx:false,ly:false,group:'',pricing:D.pricing.length?D.pricing[0].key:'',q:'',sort:'',desc:false};}
var state=defaults();
function fromFragment(){
var h=location.hash;
if(h.indexOf('#explore?')!==0){return false;}
var p=new URLSearchParams(h.substring(9)),s=defaults();
if(byKey[p.get('x')]){s.x=p.get('x');}
if(byKey[p.get('y')]){s.y=p.get('y');}
s.lx=p.get('lx')==='1';s.ly=p.get('ly')==='1';
// a link may come from another report: what this one lacks keeps its default
if(facetIndex(p.get('group'))>=0){s.group=p.get('group');}
s.q=p.get('q')||'';if(['configuration','load','x','y','cost','source'].indexOf(p.get('sort'))>=0){s.sort=p.get('sort');s.desc=p.get('desc')==='1';}
if(D.pricing.some(function(m){return m.key===p.get('pricing');})){s.pricing=p.get('pricing');}
D.facets.forEach(function(f){var v=p.getAll('f.'+f.name);if(v.length){s.sel[f.name]=v.filter(function(x){return f.values.indexOf(x)>=0;});}});
state=s;return true;}
function toFragment(){
var p=new URLSearchParams();
p.set('x',state.x);p.set('y',state.y);
if(state.lx){p.set('lx','1');}if(state.ly){p.set('ly','1');}
if(state.group){p.set('group',state.group);}
if(state.pricing){p.set('pricing',state.pricing);}
if(state.q){p.set('q',state.q);}
if(state.sort){p.set('sort',state.sort);if(state.desc){p.set('desc','1');}}
D.facets.forEach(function(f){(state.sel[f.name]||[]).forEach(function(v){p.append('f.'+f.name,v);});});
history.replaceState(null,'','#explore?'+p.toString());}
// ---------------------------------------------------------------- filtering (Catalog semantics)
function allowed(){
var a=[];
D.facets.forEach(function(f,k){var s=state.sel[f.name];
if(s&&s.length){var m=new Uint8Array(f.values.length);s.forEach(function(v){var id=f.values.indexOf(v);if(id>=0){m[id]=1;}});a.push([k,m]);}});
return a;}
function compute(){
var act=allowed(),na=act.length,counts=[],last=[],rows=[],cfg=D.configuration;
for(var f=0;f<F;f++){counts.push(new Int32Array(D.facets[f].values.length));last.push(new Int32Array(D.facets[f].values.length).fill(-1));}
for(var i=0;i<N;i++){
var fails=0,failed=-1;
for(var a=0;a<na&&fails<2;a++){var k=act[a][0];if(!act[a][1][D.facets[k].ids[i]]){fails++;failed=k;}}
var c=cfg[i],v;
if(fails===0){rows.push(i);for(f=0;f<F;f++){v=D.facets[f].ids[i];if(last[f][v]!==c){last[f][v]=c;counts[f][v]++;}}}
else if(fails===1){v=D.facets[failed].ids[i];if(last[failed][v]!==c){last[failed][v]=c;counts[failed][v]++;}}}
return {counts:counts,rows:rows};}
// ---------------------------------------------------------------- Pareto (as Pareto.frontier: exact on ties; knee as ParetoResult.knee)
function frontier(idx,xs,ys,dx,dy){
var n=idx.length,o=new Array(n);for(var k=0;k<n;k++){o[k]=k;}
function gx(k){return dx*xs[k];}function gy(k){return dy*ys[k];}
o.sort(function(a,b){return gx(b)-gx(a)||gy(b)-gy(a)||a-b;});
var on=[],best=-Infinity,j=0;
while(j<n){var e=j,top=gy(o[j]);while(e<n&&gx(o[e])===gx(o[j])){e++;}
for(var t=j;t<e;t++){if(gy(o[t])===top&&top>best){on.push(o[t]);}}
if(top>best){best=top;}j=e;}
on.sort(function(a,b){return xs[a]-xs[b]||ys[a]-ys[b]||a-b;});
var knee=-1;if(on.length){
var mn=[Infinity,Infinity],mx=[-Infinity,-Infinity],vals=[xs,ys],dirs=[dx,dy];
on.forEach(function(k){for(var d=0;d<2;d++){mn[d]=Math.min(mn[d],vals[d][k]);mx[d]=Math.max(mx[d],vals[d][k]);}});
var bd=Infinity;on.forEach(function(k){var dist=0;for(var d=0;d<2;d++){var r=mx[d]-mn[d];if(r>0){var nm=(vals[d][k]-mn[d])/r;var g=dirs[d]===1?nm:1-nm;dist+=(1-g)*(1-g);}}
if(dist<bd){bd=dist;knee=k;}});}
return {on:on.map(function(k){return idx[k];}),knee:knee<0?-1:idx[knee]};}
// ---------------------------------------------------------------- formatting
function label(i){return D.configurations[D.configuration[i]];}
function loadText(i){return D.load.values[D.load.ids[i]];}
function source(i){return D.source.values[D.source.ids[i]];}
// ---------------------------------------------------------------- layout
app.hidden=false;var nojs=document.getElementById('nojs');if(nojs){nojs.remove();}
var bar=h('div',{'class':'bar'});
function select(id,text,opts){var l=h('label',{'for':id},text+' ');var s=h('select',{id:id});opts.forEach(function(o){s.appendChild(h('option',{value:o[0]},o[1]));});bar.appendChild(l);bar.appendChild(s);return s;}
function check(id,text){var l=h('label',{}),c=h('input',{type:'checkbox',id:id});l.appendChild(c);l.appendChild(document.createTextNode(' '+text));bar.appendChild(l);return c;}
var mopts=measures.map(function(m){return [m.key,m.key==='cost'?'cost (USD/1M output tokens)':m.arena?'arena score (quality overlay)':m.key+' ('+m.unit+')'];});
var sx=select('x','x',mopts),lx=check('logx','log x');
var sy=select('y','y',mopts),ly=check('logy','log y');
var sg=select('group','frontier per',[['','all points']].concat(D.facets.map(function(f){return [f.name,f.name.replace(/_/g,' ')];})));
var sp=select('pricing','pricing',D.pricing.map(function(p){return [p.key,p.key];}));
var clear=h('button',{type:'button',id:'clear'},'Clear filters');bar.appendChild(clear);
app.appendChild(bar);
var grid=h('div',{'class':'explorer'}),side=h('div',{'class':'facets',id:'facets'}),mainCol=h('div',{});
grid.appendChild(side);grid.appendChild(mainCol);app.appendChild(grid);
var status=h('p',{'class':'status',id:'status'});mainCol.appendChild(status);
var wrap=h('div',{'class':'plotwrap'}),canvas=h('canvas',{id:'plot'}),tip=h('div',{id:'tip',hidden:''});
wrap.appendChild(canvas);wrap.appendChild(tip);mainCol.appendChild(wrap);
var legend=h('div',{'class':'legend',id:'legend'});mainCol.appendChild(legend);
var tbar=h('div',{'class':'bar'}),q=h('input',{type:'search',id:'q',placeholder:'filter rows by configuration or source'});
tbar.appendChild(q);var tnote=h('span',{'class':'status',id:'rows'});tbar.appendChild(tnote);mainCol.appendChild(tbar);
var tscroll=h('div',{'class':'scroll'}),table=h('table',{id:'points-table'});tscroll.appendChild(table);mainCol.appendChild(tscroll);
// facet panel: built once, counts refreshed
var buttons=[];
D.facets.forEach(function(f){var box=h('div',{'class':'facet','data-facet':f.name});box.appendChild(h('h4',{},f.name.replace(/_/g,' ')));
buttons.push(f.values.map(function(v){var b=h('button',{type:'button','data-facet':f.name,'data-value':v,'aria-pressed':'false',title:v});
b.appendChild(h('span',{'class':'value'},v));b.appendChild(h('span',{'class':'count'},''));
b.addEventListener('click',function(){var s=state.sel[f.name]||[],at=s.indexOf(v);if(at>=0){s.splice(at,1);}else{s.push(v);}state.sel[f.name]=s;update();});
box.appendChild(b);return b;}));side.appendChild(box);});
// ---------------------------------------------------------------- drawing
var plotted=[],view=null;
function ticks(lo,hi,log){var t=[];if(log){var a=Math.floor(Math.log10(lo)),b=Math.ceil(Math.log10(hi));var step=Math.max(1,Math.ceil((b-a)/8)),few=b-a<=2;for(var e=a;e<=b;e+=step){(few?[1,2,5]:[1]).forEach(function(m){t.push(m*Math.pow(10,e));});}return t;}
var span=hi-lo||Math.abs(hi)||1,raw=span/6,p=Math.pow(10,Math.floor(Math.log10(raw))),m=raw/p,st=(m<1.5?1:m<3?2:m<7?5:10)*p;
for(var v=Math.ceil(lo/st)*st;v<=hi+st*1e-9;v+=st){t.push(Math.abs(v)<st*1e-9?0:v);}return t;}
function extent(vals,log){var lo=Infinity,hi=-Infinity;vals.forEach(function(v){if(v<lo){lo=v;}if(v>hi){hi=v;}});
if(!isFinite(lo)){return [0,1];}if(log){return lo===hi?[lo/2,hi*2]:[lo/Math.pow(hi/lo,0.05),hi*Math.pow(hi/lo,0.05)];}
var pad=(hi-lo)*0.05||Math.abs(hi)*0.1||1;return [lo-pad,hi+pad];}
// colours and canvas size are read once and on resize: reading them after the table changed forces a layout
var theme=null,size=null;
function measure(){var css=getComputedStyle(document.documentElement);
theme={fg:css.getPropertyValue('--fg').trim()||'#1a1a1a',muted:css.getPropertyValue('--muted').trim()||'#555',line:css.getPropertyValue('--line').trim()||'#ddd'};
size={W:canvas.clientWidth||800,H:canvas.clientHeight||460,r:window.devicePixelRatio||1};}
function draw(res){
if(!size){measure();}
var fg=theme.fg,muted=theme.muted,line=theme.line,W=size.W,H=size.H,r=size.r;
if(canvas.width!==Math.round(W*r)||canvas.height!==Math.round(H*r)){canvas.width=Math.round(W*r);canvas.height=Math.round(H*r);}
var g=canvas.getContext('2d');g.setTransform(r,0,0,r,0,0);g.clearRect(0,0,W,H);
var L=70,R=16,T=14,B=44,pw=W-L-R,ph=H-T-B;
var mx=byKey[state.x],my=byKey[state.y];
var xv=plotted.map(function(i){return mx.get(i);}),yv=plotted.map(function(i){return my.get(i);});
var ex=extent(xv,state.lx),ey=extent(yv,state.ly);
function sxf(v){return state.lx?L+(Math.log(v)-Math.log(ex[0]))/(Math.log(ex[1])-Math.log(ex[0]))*pw:L+(v-ex[0])/(ex[1]-ex[0])*pw;}
function syf(v){return state.ly?T+ph-(Math.log(v)-Math.log(ey[0]))/(Math.log(ey[1])-Math.log(ey[0]))*ph:T+ph-(v-ey[0])/(ey[1]-ey[0])*ph;}
g.font='11px system-ui,sans-serif';g.strokeStyle=line;g.fillStyle=muted;g.lineWidth=1;
ticks(ex[0],ex[1],state.lx).forEach(function(t){if(t<ex[0]||t>ex[1]){return;}var X=sxf(t);g.beginPath();g.moveTo(X,T);g.lineTo(X,T+ph);g.stroke();g.textAlign='center';g.fillText(num(t),X,T+ph+14);});
ticks(ey[0],ey[1],state.ly).forEach(function(t){if(t<ey[0]||t>ey[1]){return;}var Y=syf(t);g.beginPath();g.moveTo(L,Y);g.lineTo(L+pw,Y);g.stroke();g.textAlign='right';g.fillText(num(t),L-6,Y+4);});
g.fillStyle=fg;g.textAlign='center';g.fillText(mx.label+(state.lx?', log scale':''),L+pw/2,H-8);
g.save();g.translate(14,T+ph/2);g.rotate(-Math.PI/2);g.fillText(my.label+(state.ly?', log scale':''),0,0);g.restore();
var colorOf=colourKeys();
g.globalAlpha=plotted.length>2000?0.5:0.85;
// one path per colour: thousands of separate fills cost more than the rest of an update
var rad=plotted.length>2000?2:3.5,paths={},cols=[];
for(var k=0;k<plotted.length;k++){var c=colorOf(plotted[k]),p=paths[c];if(!p){p=paths[c]=new Path2D();cols.push(c);}var X=sxf(xv[k]),Y=syf(yv[k]);p.moveTo(X+rad,Y);p.arc(X,Y,rad,0,6.2832);}
cols.forEach(function(c){g.fillStyle=c;g.fill(paths[c]);});
g.globalAlpha=1;
res.fronts.forEach(function(fr){if(fr.on.length<1){return;}g.strokeStyle=state.group?colorOf(fr.on[0]):fg;g.lineWidth=1.6;g.setLineDash([5,3]);g.beginPath();
fr.on.forEach(function(i,n){var X=sxf(mx.get(i)),Y=syf(my.get(i));if(n===0){g.moveTo(X,Y);}else{g.lineTo(X,Y);}});g.stroke();g.setLineDash([]);
if(fr.knee>=0){var KX=sxf(mx.get(fr.knee)),KY=syf(my.get(fr.knee));g.strokeStyle=fg;g.lineWidth=1.5;g.beginPath();g.arc(KX,KY,7,0,6.2832);g.stroke();}});
view={sx:sxf,sy:syf,xv:xv,yv:yv};}
var legendKey=null;
function colourKeys(){var keyOf=state.group?function(i){var f=D.facets[facetIndex(state.group)];return f.values[f.ids[i]];}:label;
var keys=[],seen={};plotted.forEach(function(i){var k=keyOf(i);if(!(k in seen)){seen[k]=keys.length;keys.push(k);}});
var lk=keys.length+'\n'+keys.slice(0,16).join('\n');if(lk===legendKey){return function(i){return PALETTE[seen[keyOf(i)]%PALETTE.length];};}legendKey=lk;
legend.textContent='';
keys.slice(0,16).forEach(function(k,n){var s=h('span',{});var dot=h('i',{});dot.style.background=PALETTE[n%PALETTE.length];s.appendChild(dot);s.appendChild(document.createTextNode(k.length>60?k.substring(0,60)+'…':k));legend.appendChild(s);});
if(keys.length>16){legend.appendChild(h('span',{'class':'status'},'and '+(keys.length-16)+' more'));}
return function(i){return PALETTE[seen[keyOf(i)]%PALETTE.length];};}
function facetIndex(name){for(var k=0;k<F;k++){if(D.facets[k].name===name){return k;}}return -1;}
// ---------------------------------------------------------------- table
var headKey='',tbody=h('tbody'),pool=[];table.appendChild(tbody);
function renderTable(rows){
var mx=byKey[state.x],my=byKey[state.y],pr=pricing();
var cols=[['configuration','Configuration',function(i){return label(i);}],['load','Load',function(i){return loadText(i);}],
['x',mx.key+' ('+mx.unit+')',function(i){return mx.get(i);}],['y',my.key+' ('+my.unit+')',function(i){return my.get(i);}],
['cost','USD / 1M output tokens, '+pr.key,function(i){return pr.values[i];}],['source','Source',function(i){return source(i);}]];
var ql=state.q.toLowerCase(),list=ql?rows.filter(function(i){return label(i).toLowerCase().indexOf(ql)>=0||source(i).toLowerCase().indexOf(ql)>=0;}):rows.slice();
var sc=null;cols.forEach(function(c){if(c[0]===state.sort){sc=c;}});
if(sc){var get=sc[2];list.sort(function(a,b){var u=get(a),v=get(b),r;if(u===null||v===null){return u===null?(v===null?0:1):-1;}
r=typeof u==='number'?u-v:String(u).localeCompare(String(v));return state.desc?-r:r;});}
// the heading is rebuilt only when its columns or sort change, and the rows' nodes are reused:
// rebuilding 200 rows on every filter change cost more than the rest of an update
var hk=cols.map(function(c){return c[1];}).join('\n')+'\n'+state.sort+'\n'+state.desc;
if(hk!==headKey){headKey=hk;var thead=h('thead'),tr=h('tr');
cols.forEach(function(c){var th=h('th',{'data-col':c[0],tabindex:'0'},c[1]);if(state.sort===c[0]){th.setAttribute('aria-sort',state.desc?'descending':'ascending');}
function go(){if(state.sort===c[0]){state.desc=!state.desc;}else{state.sort=c[0];state.desc=false;}update();}
th.addEventListener('click',go);th.addEventListener('keydown',function(e){if(e.key==='Enter'){go();}});tr.appendChild(th);});
thead.appendChild(tr);if(table.tHead){table.replaceChild(thead,table.tHead);}else{table.insertBefore(thead,tbody);}}
var n=Math.min(ROWS,list.length);
while(pool.length<n){var pr0=h('tr');for(var k=0;k<cols.length;k++){pr0.appendChild(h('td'));}pool.push(pr0);}
for(var at=0;at<n;at++){var i=list[at],r=pool[at];r.setAttribute('data-point',String(i));
cols.forEach(function(c,k){var v=c[2](i),td=r.cells[k],cls,text,dv=null;
if(typeof v==='number'||v===null&&c[0]!=='configuration'&&c[0]!=='load'&&c[0]!=='source'){cls='num '+c[0];text=num(v);if(v!==null){dv=String(v);}
if(c[0]==='cost'&&v!==null){text+=pr.estimated.charCodeAt(i)===49?' est.':' stated';}}
else{cls=c[0]==='configuration'?'cfg':c[0]==='source'?'src':'';text=v;}
if(td.className!==cls){td.className=cls;}if(td.textContent!==text){td.textContent=text;}
if(dv===null){td.removeAttribute('data-v');}else if(td.getAttribute('data-v')!==dv){td.setAttribute('data-v',dv);}
if(c[0]==='configuration'&&td.title!==v){td.title=v;}});
if(r.parentNode!==tbody){tbody.appendChild(r);}}
while(tbody.rows.length>n){tbody.removeChild(tbody.lastChild);}
tnote.textContent=list.length>ROWS?'showing '+ROWS+' of '+list.length+' rows (sort or filter to see others)':list.length+' rows';}
// ---------------------------------------------------------------- update
var quiet=true;
function update(){
var t0=performance.now(),res=compute(),t1=performance.now();
// facet buttons: only what changed is written (each write invalidates the panel's style)
buttons.forEach(function(bs,f){var name=D.facets[f].name,s=state.sel[name]||[];bs.forEach(function(b,v){var c=String(res.counts[f][v]),on=s.indexOf(D.facets[f].values[v])>=0?'true':'false';
if(b.lastChild.textContent!==c){b.lastChild.textContent=c;b.classList.toggle('zero',c==='0');}if(b.getAttribute('aria-pressed')!==on){b.setAttribute('aria-pressed',on);}});});
sx.value=state.x;sy.value=state.y;lx.checked=state.lx;ly.checked=state.ly;sg.value=state.group;sp.value=state.pricing;q.value=state.q;
var mx=byKey[state.x],my=byKey[state.y],dropped=0,unscored=0;
if(!mx||!my){status.textContent='No measure to plot.';return;}
plotted=[];res.rows.forEach(function(i){var a=mx.get(i),b=my.get(i);if(a===null||b===null||a===undefined||b===undefined){if((mx.arena||my.arena)&&D.arena.values[i]===null){unscored++;}return;}
if((state.lx&&a<=0)||(state.ly&&b<=0)){dropped++;return;}plotted.push(i);});
var groups={},order=[];if(state.group){var gf=D.facets[facetIndex(state.group)];plotted.forEach(function(i){var k=gf.ids[i];if(!(k in groups)){groups[k]=[];order.push(k);}groups[k].push(i);});}
else{groups[0]=plotted;order.push(0);}
var fronts=[];
if(mx.dir!==0&&my.dir!==0&&state.x!==state.y){order.forEach(function(k){var idx=groups[k];fronts.push(frontier(idx,idx.map(mx.get),idx.map(my.get),mx.dir,my.dir));});}
res.fronts=fronts;var t2=performance.now();
var onAll=[],knees=[];fronts.forEach(function(f){onAll=onAll.concat(f.on);if(f.knee>=0){knees.push(f.knee);}});
canvas.setAttribute('data-points',String(plotted.length));
canvas.setAttribute('data-frontier',onAll.join(' '));canvas.setAttribute('data-knees',knees.join(' '));
var cfgs={};res.rows.forEach(function(i){cfgs[D.configuration[i]]=1;});
status.textContent=res.rows.length+' of '+N+' points, '+Object.keys(cfgs).length+' configurations; '+plotted.length+' plotted'+
(dropped?' ('+dropped+' not positive on a log axis)':'')+(unscored?' ('+unscored+' of models without an arena score)':'')+'; frontier: '+onAll.length+' points'+(mx.cost||my.cost?'; prices: '+state.pricing:'');
var t3=performance.now();draw(res);var t4=performance.now();if(!quiet){toFragment();}
var timing='filter '+(t1-t0).toFixed(1)+', frontier '+(t2-t1).toFixed(1)+', counts '+(t3-t2).toFixed(1)+', chart '+(t4-t3).toFixed(1);
pending=[res.rows,timing];
// the chart and counts are painted first; the table and the views below follow after that paint
// (laying out 200 table rows cost more than the rest of an update): data-ready is 0 until then
if(quiet){settle();}else if(!later){later=1;app.setAttribute('data-ready','0');if(document.hidden){setTimeout(settle,0);}else{requestAnimationFrame(function(){setTimeout(settle,0);});}}}
var pending=null,later=0;
function settle(){later=0;var rows=pending[0],t5=performance.now();renderTable(rows);var t6=performance.now();
filters=state.sel;document.dispatchEvent(new CustomEvent('prism-filter'));
// where the time of the last update went, in ms, for the timing harness
app.setAttribute('data-timing',pending[1]+', table '+(t6-t5).toFixed(1)+', views '+(performance.now()-t6).toFixed(1));
app.setAttribute('data-ready','1');}
// ---------------------------------------------------------------- hover
canvas.addEventListener('mousemove',function(e){if(!view){return;}var rc=canvas.getBoundingClientRect(),X=e.clientX-rc.left,Y=e.clientY-rc.top,best=-1,bd=64;
for(var k=0;k<plotted.length;k++){var dx=view.sx(view.xv[k])-X,dy=view.sy(view.yv[k])-Y,d=dx*dx+dy*dy;if(d<bd){bd=d;best=k;}}
if(best<0){tip.hidden=true;return;}var i=plotted[best],mx=byKey[state.x],my=byKey[state.y];
tip.textContent=label(i)+', '+loadText(i)+'\n'+mx.key+': '+num(mx.get(i))+' '+mx.unit+(mx.derived(i)?' (derived)':'')+'\n'+my.key+': '+num(my.get(i))+' '+my.unit+(my.derived(i)?' (derived)':'')+(mx.arena||my.arena?'\narena entry: '+D.arena.names[D.arena.ids[i]]:'')+'\n'+source(i);
tip.hidden=false;tip.style.left=Math.min(X+12,rc.width-300)+'px';tip.style.top=(Y+12)+'px';});
canvas.addEventListener('mouseleave',function(){tip.hidden=true;});
// ---------------------------------------------------------------- controls
sx.addEventListener('change',function(){state.x=sx.value;update();});
sy.addEventListener('change',function(){state.y=sy.value;update();});
lx.addEventListener('change',function(){state.lx=lx.checked;update();});
ly.addEventListener('change',function(){state.ly=ly.checked;update();});
sg.addEventListener('change',function(){state.group=sg.value;update();});
sp.addEventListener('change',function(){state.pricing=sp.value;update();});
q.addEventListener('input',function(){state.q=q.value;update();});
clear.addEventListener('click',function(){state.sel={};update();});
window.addEventListener('hashchange',function(){if(fromFragment()){update();}});
window.addEventListener('resize',function(){if(view){size=null;update();}});
if(window.matchMedia){window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change',function(){if(view){size=null;update();}});}
var restored=fromFragment();update();quiet=false;
if(restored){document.getElementById('explore').scrollIntoView();}
}
})();
