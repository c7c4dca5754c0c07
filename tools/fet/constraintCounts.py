#!/usr/bin/env python3
# Counts the FET constraint types used at weight 100 (active ones) over the example files of
# Debian's fet-data package: occurrences and the number of files using each. It decides which
# words the workbook contract needs next. Usage: python3 tools/fet/constraintCounts.py [dir]
import gzip, os, re, sys, collections
import xml.etree.ElementTree as ET
root=sys.argv[1] if len(sys.argv) > 1 else '/usr/share/doc/fet-data/examples'
cnt=collections.Counter(); files=collections.Counter()
n=0
for dp,_,fs in os.walk(root):
  for f in fs:
    if not (f.endswith('.fet') or f.endswith('.fet.gz')): continue
    p=os.path.join(dp,f); n+=1
    data=(gzip.open(p) if p.endswith('.gz') else open(p,'rb')).read()
    try: t=ET.fromstring(data)
    except Exception as e: print('bad',p,e,file=sys.stderr); continue
    seen=set()
    for sec in ('Time_Constraints_List','Space_Constraints_List'):
      for L in t.iter(sec):
        for c in L:
          w=c.findtext('Weight_Percentage'); a=c.findtext('Active')
          if a is not None and a.strip()=='false': continue
          try: w=float(w)
          except: continue
          if w<100: continue
          cnt[c.tag]+=1; seen.add(c.tag)
    for s in seen: files[s]+=1
print('files',n)
for k,v in cnt.most_common(): print(f'{v:6d} {files[k]:4d} {k}')
